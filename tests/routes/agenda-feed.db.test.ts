// The personal calendar feed (/agenda/:token/leernetwerk.ics, issue 19) also carries the intervisie meetings
// of the person's groups, the assignment deadlines of their cohort and their intake conversation, each with a
// stable UID; moving one raises SEQUENCE and LAST-MODIFIED. Read through the route and parsed with ical.js.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { prisma } from "~/utils/db.server.ts";
import { renewFeedToken } from "~/models/calendar-feed.server.ts";
import { loader as feedLoader } from "~/routes/_account+/agenda.$token.leernetwerk[.]ics.ts";
import { amsterdamTime } from "~/utils/dates.ts";
import { createCohortWorld } from "../support/cohort-world.ts";
import { args } from "../support/requests.ts";

async function feed(token: string) {
  const response = (await feedLoader(
    args(new Request(`http://localhost/agenda/${token}/leernetwerk.ics`), { token }),
  )) as Response;
  expect(response.status).toBe(200);
  const text = await response.text();
  const root = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.register(new ICAL.Timezone(root.getFirstSubcomponent("vtimezone")!), "Europe/Amsterdam");
  const events = root.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
  return { text, events, byUid: (uid: string) => events.find((event) => event.uid === uid) };
}
const tokenOf = (url: string) => url.match(/\/agenda\/([^/]+)\/leernetwerk\.ics$/)![1]!;
const seconds = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the personal calendar feed", () => {
  it("carries an intervisie meeting, a deadline and the intake, and follows when they move", async () => {
    const world = await createCohortWorld(prisma, { duos: 2 });
    const participant = world.duos[0]!.members[0]!;
    const outsider = world.duos[1]!.members.find((member) => member.id !== participant.id)!;
    const meeting = await prisma.intervisionMeeting.findFirstOrThrow({
      where: { group: { members: { some: { userId: participant.id } } } },
      include: { group: true },
    });
    const assignment = await prisma.assignment.findFirstOrThrow({ where: { session: { cohortId: world.cohort.id } } });
    const application = await prisma.application.create({
      data: {
        cohortId: world.cohort.id,
        municipalityName: "Kampen",
        municipalityKey: `kampen-${world.cohort.id}`,
        contactName: participant.name,
        contactEmail: participant.email.toUpperCase(),
        contactPhone: "038 000 0000",
        vraagstuk: "Hoe beginnen we?",
        status: "INTAKE_PLANNED",
        intakeAt: amsterdamTime("2027-02-01", "10:00"),
        intakeLocation: "https://meet.test/intake-kampen",
      },
    });
    const token = tokenOf(await renewFeedToken(participant.id));

    const before = await feed(token);
    const meetingEvent = before.byUid(`intervisie-${meeting.id}@leernetwerk`)!;
    expect(meetingEvent.summary).toBe(`Intervisie: ${meeting.group.name}`);
    expect(meetingEvent.startDate.toJSDate().toISOString()).toBe(seconds(meeting.startsAt));
    expect(meetingEvent.sequence).toBe(0);
    const deadline = before.byUid(`opdracht-${assignment.id}@leernetwerk`)!;
    expect(deadline.summary).toBe(`Inleveren: ${assignment.title}`);
    expect(deadline.startDate.toJSDate().toISOString()).toBe(seconds(assignment.dueAt));
    const intake = before.byUid(`intake-${application.id}@leernetwerk`)!;
    expect(intake.summary).toBe("Intakegesprek Kampen");
    expect(intake.startDate.toString()).toBe("2027-02-01T10:00:00");
    expect(intake.location).toBe("Online");
    expect(intake.description).toContain("https://meet.test/intake-kampen");

    // The meeting moves a week and the intake gets a place: same UIDs, higher SEQUENCE, new LAST-MODIFIED.
    await pause(1100);
    const movedStart = new Date(meeting.startsAt.getTime() + 7 * 24 * 3_600_000);
    await prisma.intervisionMeeting.update({
      where: { id: meeting.id },
      data: { startsAt: movedStart, endsAt: new Date(meeting.endsAt.getTime() + 7 * 24 * 3_600_000) },
    });
    await prisma.application.update({
      where: { id: application.id },
      data: { intakeAt: amsterdamTime("2027-02-03", "14:00"), intakeLocation: "Stadhuis Kampen" },
    });
    const after = await feed(token);
    const movedEvent = after.byUid(`intervisie-${meeting.id}@leernetwerk`)!;
    expect(movedEvent.startDate.toJSDate().toISOString()).toBe(seconds(movedStart));
    expect(movedEvent.sequence).toBeGreaterThan(0);
    const lastModified = (text: string, uid: string) => {
      const block = text.split("BEGIN:VEVENT").find((part) => part.includes(`UID:${uid}`))!;
      return block.match(/LAST-MODIFIED:(\S+)/)![1];
    };
    expect(lastModified(after.text, `intervisie-${meeting.id}@leernetwerk`)).not.toBe(
      lastModified(before.text, `intervisie-${meeting.id}@leernetwerk`),
    );
    expect(after.text).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
    const movedIntake = after.byUid(`intake-${application.id}@leernetwerk`)!;
    expect(movedIntake.startDate.toString()).toBe("2027-02-03T14:00:00");
    expect(movedIntake.location).toBe("Stadhuis Kampen");
    expect(movedIntake.sequence).toBeGreaterThan(intake.sequence);

    // Someone outside the group and not the applicant: no meeting of that group, no intake.
    const other = await feed(tokenOf(await renewFeedToken(outsider.id)));
    const inGroup = await prisma.intervisionMember.count({ where: { groupId: meeting.groupId, userId: outsider.id } });
    if (!inGroup) expect(other.byUid(`intervisie-${meeting.id}@leernetwerk`)).toBeUndefined();
    expect(other.byUid(`intake-${application.id}@leernetwerk`)).toBeUndefined();
    // The deadline is the cohort's: the other duo has it too.
    expect(other.byUid(`opdracht-${assignment.id}@leernetwerk`)).toBeDefined();
  });
});
