// The discussion of one session (issue 19): the cohort's staff (facilitators, coordinators) ask a question;
// the cohort's participants answer it and react to the answers (staff may join in). Shown on the session
// page, read by whoever may open that page (requireCohortSession). Only the writer deletes their own post; a
// post that others replied to keeps its place, emptied, so their replies still make sense. Posts stay with
// "verwijderde deelnemer" when the writer erased their account (authorId SET NULL).
import type { User } from "lucia";
import type { Prisma } from "~/generated/prisma/client.ts";
import type { CohortRelation } from "~/models/cohort.server.ts";
import { DomainError } from "~/utils/domain-error.ts";
import { prisma } from "~/utils/db.server.ts";

/** What the page shows of a post (the session page reads the posts with its other parts: session.server.ts). */
export const postSelect = {
  id: true,
  parentId: true,
  body: true,
  deletedAt: true,
  createdAt: true,
  author: { select: { id: true, name: true, role: true, title: true } },
} satisfies Prisma.SessionPostSelect;

type PostRow = Prisma.SessionPostGetPayload<{ select: typeof postSelect }>;
export type DiscussionPost = Omit<PostRow, "author"> & {
  author: PostRow["author"];
  mine: boolean;
  replies: DiscussionPost[];
};

/** The session's questions, each with its answers and their reactions (one query). */
export async function sessionDiscussion(viewer: Pick<User, "id">, sessionId: string): Promise<DiscussionPost[]> {
  const rows = await prisma.sessionPost.findMany({
    where: { sessionId },
    orderBy: { createdAt: "asc" },
    select: postSelect,
  });
  return discussionOf(viewer, rows);
}

/** The session's posts (oldest first) as questions, each with its answers and their reactions. */
export function discussionOf(viewer: Pick<User, "id">, rows: PostRow[]): DiscussionPost[] {
  const byId = new Map<string, DiscussionPost>();
  for (const row of rows) {
    byId.set(row.id, {
      ...row,
      body: row.deletedAt ? "" : row.body,
      mine: row.author?.id === viewer.id,
      replies: [],
    });
  }
  const questions: DiscussionPost[] = [];
  for (const post of byId.values()) {
    const parent = post.parentId ? byId.get(post.parentId) : null;
    if (parent) parent.replies.push(post);
    else if (!post.parentId) questions.push(post);
  }
  return questions;
}

/** A question for the session: the cohort's staff only. */
export async function askQuestion(viewer: Pick<User, "id">, relation: CohortRelation, sessionId: string, body: string) {
  if (relation === "participant") throw new DomainError("Alleen begeleiders en coördinatoren stellen een vraag.");
  return prisma.sessionPost.create({ data: { sessionId, authorId: viewer.id, body }, select: { id: true } });
}

/** An answer to a question, or a reaction to an answer (two levels: no replies to a reaction). */
export async function replyToPost(viewer: Pick<User, "id">, sessionId: string, parentId: string, body: string) {
  const parent = await prisma.sessionPost.findFirst({
    where: { id: parentId, sessionId, deletedAt: null },
    select: { id: true, parent: { select: { parentId: true } } },
  });
  if (!parent) throw new DomainError("Deze vraag of dit antwoord bestaat niet (meer).", "parentId");
  // The parent's parent has a parent of its own: the parent is a reaction.
  if (parent.parent && parent.parent.parentId !== null) {
    throw new DomainError("Op een reactie kun je niet reageren; reageer op het antwoord.", "parentId");
  }
  return prisma.sessionPost.create({
    data: { sessionId, parentId: parent.id, authorId: viewer.id, body },
    select: { id: true },
  });
}

/**
 * The writer deletes their own post. With replies it stays, emptied; without, it goes. Returns "forbidden"
 * for someone else's post (the route answers 403), "missing" for a post not in this session.
 */
export async function deletePost(
  viewer: Pick<User, "id">,
  sessionId: string,
  postId: string,
): Promise<"deleted" | "forbidden" | "missing"> {
  const post = await prisma.sessionPost.findFirst({
    where: { id: postId, sessionId, deletedAt: null },
    select: { id: true, authorId: true, _count: { select: { replies: true } } },
  });
  if (!post) return "missing";
  if (post.authorId !== viewer.id) return "forbidden";
  if (post._count.replies > 0) {
    await prisma.sessionPost.update({ where: { id: post.id }, data: { body: "", deletedAt: new Date() } });
  } else {
    await prisma.sessionPost.delete({ where: { id: post.id } });
  }
  return "deleted";
}
