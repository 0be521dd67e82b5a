// "Download al mijn gegevens" (AVG art. 15 and 20): everything the platform holds about one person, as a
// registry of collectors, one per kind of data. Adding a kind is adding one entry to PERSONAL_DATA_KINDS.
// Each collector is one query (nested selects are joined by Prisma's relationJoins), so the number of
// queries does not grow with the amount of data. Only what is the person's own or shared with them is
// collected: never other members' intervisie cases, never other people's journal entries.
import { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { recordAudit } from "~/models/audit.server.ts";
import { personalDataHtml } from "~/models/personal-data-html.ts";
import { prisma } from "~/utils/db.server.ts";
import { personName } from "~/utils/deleted-person.ts";

/** One record: plain values, Dates (ISO in JSON, Amsterdam time in HTML), nested records and lists. */
export type DataValue = string | number | boolean | null | Date | DataValue[] | { [key: string]: DataValue };
export type DataRecord = { [key: string]: DataValue };

type Subject = { id: string; email: string };

export type PersonalDataKind = {
  /** The key in gegevens.json. */
  key: string;
  /** The heading in gegevens.html. */
  title: string;
  /** One sentence on what this is, in the HTML. */
  description: string;
  collect(subject: Subject): Promise<DataRecord[]>;
};

const person = { select: { name: true } } as const;
const authorName = (author: { name: string } | null) => personName(author);

export const PERSONAL_DATA_KINDS: PersonalDataKind[] = [
  {
    key: "account",
    title: "Je account",
    description: "Je naam, e-mailadres, rol en sinds wanneer je account bestaat.",
    async collect({ id }) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { id },
        select: {
          id: true,
          name: true,
          email: true,
          role: true,
          title: true,
          createdAt: true,
          updatedAt: true,
          twoFactor: { select: { enabledAt: true } },
          calendarFeedToken: { select: { createdAt: true, lastUsedAt: true } },
        },
      });
      const { twoFactor, calendarFeedToken, ...account } = user;
      return [
        {
          ...account,
          twoFactorEnabledAt: twoFactor?.enabledAt ?? null,
          calendarFeed: calendarFeedToken
            ? { createdAt: calendarFeedToken.createdAt, lastUsedAt: calendarFeedToken.lastUsedAt }
            : null,
        },
      ];
    },
  },
  {
    key: "signIns",
    title: "Inloggen",
    description: "Waar je nu bent ingelogd en de inlogpogingen met je e-mailadres die we nog bewaren.",
    async collect({ id, email }) {
      const [sessions, attempts] = await Promise.all([
        prisma.session.findMany({
          where: { userId: id },
          orderBy: { createdAt: "asc" },
          select: { createdAt: true, lastSeenAt: true, expiresAt: true, userAgent: true },
        }),
        prisma.loginAttempt.findMany({
          where: { OR: [{ userId: id }, { email }] },
          orderBy: { createdAt: "asc" },
          select: { createdAt: true, succeeded: true },
        }),
      ]);
      return [
        ...sessions.map((session) => ({ type: "session", ...session })),
        ...attempts.map((attempt) => ({ type: "loginAttempt", ...attempt })),
      ];
    },
  },
  {
    key: "enrollments",
    title: "Inschrijvingen en duo",
    description: "De leernetwerken waarin je meedoet, je gemeente, je duo en de leernetwerken die je begeleidt.",
    async collect({ id }) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { id },
        select: {
          duoMemberships: {
            orderBy: { createdAt: "asc" },
            select: {
              function: true,
              createdAt: true,
              enrollment: {
                select: {
                  status: true,
                  vraagstuk: true,
                  cohort: { select: { name: true } },
                  municipality: { select: { name: true } },
                  members: { select: { function: true, user: { select: { id: true, name: true } } } },
                },
              },
            },
          },
          facilitatedCohorts: { select: { createdAt: true, cohort: { select: { name: true } } } },
        },
      });
      return [
        ...user.duoMemberships.map(({ enrollment, ...membership }) => ({
          type: "duo",
          cohort: enrollment.cohort.name,
          municipality: enrollment.municipality.name,
          status: enrollment.status,
          vraagstuk: enrollment.vraagstuk,
          yourFunction: membership.function,
          since: membership.createdAt,
          duoPartners: enrollment.members
            .filter((member) => member.user.id !== id)
            .map((member) => ({ name: member.user.name, function: member.function })),
        })),
        ...user.facilitatedCohorts.map((row) => ({
          type: "facilitator",
          cohort: row.cohort.name,
          since: row.createdAt,
        })),
      ];
    },
  },
  {
    key: "attendance",
    title: "Aanwezigheid en afmeldingen",
    description: "Of je bij een bijeenkomst was, en de reden als je je afmeldde.",
    async collect({ id }) {
      const rows = await prisma.attendance.findMany({
        where: { userId: id },
        orderBy: { session: { startsAt: "asc" } },
        select: {
          status: true,
          reason: true,
          updatedAt: true,
          session: { select: { number: true, title: true, startsAt: true, cohort: { select: { name: true } } } },
        },
      });
      return rows.map(({ session, ...row }) => ({
        cohort: session.cohort.name,
        session: `${session.number}. ${session.title}`,
        sessionStartsAt: session.startsAt,
        ...row,
      }));
    },
  },
  {
    key: "lessonProgress",
    title: "Gelezen lessen",
    description: "De lessen die je als gelezen hebt gemarkeerd.",
    async collect({ id }) {
      return prisma.lessonProgress.findMany({
        where: { userId: id },
        orderBy: { readAt: "asc" },
        select: { lessonId: true, readAt: true },
      });
    },
  },
  {
    key: "lessonAnswers",
    title: "Antwoorden in de lessen",
    description: "Wat je aanvinkte en noteerde bij de checklists in de lessen.",
    async collect({ id }) {
      return prisma.zelfscanAnswer.findMany({
        where: { userId: id },
        orderBy: [{ scanId: "asc" }, { itemId: "asc" }],
        select: { scanId: true, itemId: true, checked: true, note: true, updatedAt: true },
      });
    },
  },
  {
    key: "submissions",
    title: "Opdrachten",
    description: "Wat je (alleen of met je duo) inleverde, met de bestanden en de feedback.",
    async collect({ id }) {
      const rows = await prisma.assignmentSubmission.findMany({
        where: {
          OR: [{ userId: id }, { userId: null, enrollment: { members: { some: { userId: id } } } }],
        },
        orderBy: { createdAt: "asc" },
        select: {
          body: true,
          submittedAt: true,
          withdrawnAt: true,
          feedbackAt: true,
          discussedAt: true,
          createdAt: true,
          updatedAt: true,
          userId: true,
          assignment: { select: { title: true, dueAt: true, kind: true } },
          attachments: {
            orderBy: { createdAt: "asc" },
            select: { fileName: true, contentType: true, size: true, createdAt: true, uploadedBy: person },
          },
          messages: {
            orderBy: { createdAt: "asc" },
            select: { body: true, createdAt: true, author: person },
          },
        },
      });
      return rows.map(({ assignment, attachments, messages, userId, ...row }) => ({
        assignment: assignment.title,
        dueAt: assignment.dueAt,
        together: userId === null,
        ...row,
        files: attachments.map(({ uploadedBy, ...file }) => ({ ...file, uploadedBy: authorName(uploadedBy) })),
        thread: messages.map(({ author, ...message }) => ({ ...message, author: authorName(author) })),
      }));
    },
  },
  {
    key: "submissionMessages",
    title: "Feedback en reacties die je schreef bij opdrachten",
    description: "Je berichten in de feedback bij opdrachten, ook bij het werk van anderen.",
    async collect({ id }) {
      const rows = await prisma.submissionMessage.findMany({
        where: { authorId: id },
        orderBy: { createdAt: "asc" },
        select: { body: true, createdAt: true, submission: { select: { assignment: { select: { title: true } } } } },
      });
      return rows.map(({ submission, ...row }) => ({ assignment: submission.assignment.title, ...row }));
    },
  },
  {
    key: "journalEntries",
    title: "Journaal",
    description: "Je journaalstukken, met wie je ze deelde en de reacties erop.",
    async collect({ id }) {
      const rows = await prisma.journalEntry.findMany({
        where: { authorId: id },
        orderBy: [{ writtenOn: "asc" }, { createdAt: "asc" }],
        select: {
          title: true,
          body: true,
          writtenOn: true,
          tags: true,
          audiences: true,
          sharedAt: true,
          createdAt: true,
          updatedAt: true,
          replies: { orderBy: { createdAt: "asc" }, select: { body: true, createdAt: true, author: person } },
          shareChanges: { orderBy: { changedAt: "asc" }, select: { from: true, to: true, changedAt: true } },
        },
      });
      return rows.map(({ replies, ...row }) => ({
        ...row,
        replies: replies.map(({ author, ...reply }) => ({ ...reply, author: authorName(author) })),
      }));
    },
  },
  {
    key: "journalReplies",
    title: "Reacties die je schreef in het journaal van anderen",
    description: "Alleen je eigen tekst; het journaalstuk zelf is van de ander.",
    async collect({ id }) {
      return prisma.journalReply.findMany({
        where: { authorId: id, entry: { authorId: { not: id } } },
        orderBy: { createdAt: "asc" },
        select: { body: true, createdAt: true },
      });
    },
  },
  {
    key: "intervisionCases",
    title: "Intervisie: je casussen",
    description:
      "De casussen die je inbracht, met de aantekeningen erbij en wat je meenam. Casussen van anderen staan hier niet in.",
    async collect({ id }) {
      const rows = await prisma.intervisionCase.findMany({
        where: { authorId: id },
        orderBy: { createdAt: "asc" },
        select: {
          title: true,
          situation: true,
          question: true,
          wish: true,
          status: true,
          takeaway: true,
          takeawayAt: true,
          createdAt: true,
          meeting: { select: { startsAt: true, group: { select: { name: true } } } },
          notes: { orderBy: { createdAt: "asc" }, select: { step: true, kind: true, body: true, createdAt: true } },
        },
      });
      return rows.map(({ meeting, ...row }) => ({
        group: meeting.group.name,
        meetingStartsAt: meeting.startsAt,
        ...row,
      }));
    },
  },
  {
    key: "intervisionGroups",
    title: "Intervisie: groepen en aanwezigheid",
    description:
      "De intervisiegroepen waarin je zit of die je begeleidt, welke afspraken je accepteerde en wanneer je er was.",
    async collect({ id }) {
      const user = await prisma.user.findUniqueOrThrow({
        where: { id },
        select: {
          intervisionMemberships: {
            select: {
              acceptedAgreementsVersion: true,
              acceptedAgreementsAt: true,
              createdAt: true,
              group: { select: { name: true } },
            },
          },
          intervisionFacilitated: { select: { createdAt: true, group: { select: { name: true } } } },
          intervisionAttendances: {
            select: { present: true, meeting: { select: { startsAt: true, group: { select: { name: true } } } } },
          },
        },
      });
      return [
        ...user.intervisionMemberships.map(({ group, ...row }) => ({ type: "member", group: group.name, ...row })),
        ...user.intervisionFacilitated.map(({ group, ...row }) => ({ type: "facilitator", group: group.name, ...row })),
        ...user.intervisionAttendances.map(({ meeting, present }) => ({
          type: "attendance",
          group: meeting.group.name,
          meetingStartsAt: meeting.startsAt,
          present,
        })),
      ];
    },
  },
  {
    key: "selfScans",
    title: "Zelfscans",
    description: "Je antwoorden op de zelfscans: die je alleen invulde en die je duo samen invulde.",
    async collect({ id }) {
      const rows = await prisma.selfScanResponse.findMany({
        where: {
          OR: [{ userId: id }, { respondentKey: "duo", enrollment: { members: { some: { userId: id } } } }],
        },
        orderBy: [{ scanId: "asc" }, { moment: "asc" }],
        select: {
          scanId: true,
          moment: true,
          respondentKey: true,
          answers: true,
          completedAt: true,
          updatedAt: true,
          enrollment: { select: { cohort: { select: { name: true } } } },
        },
      });
      return rows.map(({ enrollment, respondentKey, answers, ...row }) => ({
        cohort: enrollment.cohort.name,
        together: respondentKey === "duo",
        ...row,
        answers: answers as DataValue,
      }));
    },
  },
  {
    key: "evaluations",
    title: "Evaluaties",
    description:
      "Welke evaluaties van het leernetwerk je hebt ingevuld. Je antwoorden zelf zijn zonder je naam bewaard; daarom horen ze niet bij je gegevens en kunnen we ze niet aan jou koppelen.",
    async collect({ id }) {
      const rows = await prisma.evaluationParticipation.findMany({
        where: { userId: id },
        orderBy: { createdAt: "asc" },
        select: {
          target: true,
          createdAt: true,
          cohort: { select: { name: true } },
          session: { select: { number: true, title: true } },
        },
      });
      return rows.map((row) => ({
        cohort: row.cohort.name,
        evaluation: row.session ? `Bijeenkomst ${row.session.number}: ${row.session.title}` : "Eindevaluatie",
        answeredAt: row.createdAt,
      }));
    },
  },
  {
    key: "actionPlans",
    title: "Aanpak: versies en opmerkingen",
    description: "De versies van jullie aanpak die je opsloeg en de opmerkingen die je schreef.",
    async collect({ id }) {
      const [versions, comments] = await Promise.all([
        prisma.actionPlanVersion.findMany({
          where: { savedById: id },
          orderBy: { createdAt: "asc" },
          select: {
            number: true,
            content: true,
            createdAt: true,
            plan: { select: { enrollment: { select: { municipality: { select: { name: true } } } } } },
          },
        }),
        prisma.actionPlanComment.findMany({
          where: { authorId: id },
          orderBy: { createdAt: "asc" },
          select: {
            sectionId: true,
            body: true,
            createdAt: true,
            plan: { select: { enrollment: { select: { municipality: { select: { name: true } } } } } },
          },
        }),
      ]);
      return [
        ...versions.map(({ plan, content, ...row }) => ({
          type: "version",
          municipality: plan.enrollment.municipality.name,
          ...row,
          content: content as DataValue,
        })),
        ...comments.map(({ plan, ...row }) => ({
          type: "comment",
          municipality: plan.enrollment.municipality.name,
          ...row,
        })),
      ];
    },
  },
  {
    key: "planSharing",
    title: "Aanpak gedeeld met het leernetwerk, en reacties",
    description:
      "Wanneer je instemde met het delen van jullie aanpak met het leernetwerk, en de reacties en antwoorden die je schreef bij gedeelde plannen.",
    async collect({ id }) {
      // One query: both lists hang under the person (joined).
      const rows = await prisma.user.findUnique({
        where: { id },
        select: {
          planShareConsents: {
            orderBy: { createdAt: "asc" },
            select: {
              createdAt: true,
              share: {
                select: { sectionId: true, enrollment: { select: { municipality: { select: { name: true } } } } },
              },
            },
          },
          planReactions: {
            orderBy: { createdAt: "asc" },
            select: {
              body: true,
              createdAt: true,
              parentId: true,
              enrollment: { select: { municipality: { select: { name: true } } } },
            },
          },
        },
      });
      const consents = rows?.planShareConsents ?? [];
      const reactions = rows?.planReactions ?? [];
      return [
        ...consents.map(({ share, createdAt }) => ({
          type: "agreed to share",
          municipality: share.enrollment.municipality.name,
          section: share.sectionId || "hele plan",
          createdAt,
        })),
        ...reactions.map(({ enrollment, parentId, ...row }) => ({
          type: parentId ? "answer" : "reaction",
          municipality: enrollment.municipality.name,
          ...row,
        })),
      ];
    },
  },
  {
    key: "sessionDiscussion",
    title: "Gesprek bij bijeenkomsten",
    description: "De vragen, antwoorden en reacties die je schreef in het gesprek bij een bijeenkomst.",
    async collect({ id }) {
      const rows = await prisma.sessionPost.findMany({
        where: { authorId: id, deletedAt: null },
        orderBy: { createdAt: "asc" },
        select: {
          body: true,
          createdAt: true,
          parentId: true,
          session: { select: { number: true, title: true, cohort: { select: { name: true } } } },
        },
      });
      return rows.map(({ session, parentId, ...row }) => ({
        type: parentId ? "reply" : "question",
        cohort: session.cohort.name,
        session: `${session.number}. ${session.title}`,
        ...row,
      }));
    },
  },
  {
    key: "consent",
    title: "Toestemming voor de kennisbank",
    description: "Wanneer je toestemming gaf of introk om jullie samenvatting te publiceren.",
    async collect({ id }) {
      return prisma.knowledgeConsentEvent.findMany({
        where: { userId: id },
        orderBy: { createdAt: "asc" },
        select: { action: true, title: true, createdAt: true },
      });
    },
  },
  {
    key: "knowledgeConsents",
    title: "Je toestemming nu",
    description:
      "Met welke versie van jullie samenvatting je nu instemt (publiceren kan pas als jullie allebei instemmen).",
    async collect({ id }) {
      const rows = await prisma.knowledgeProposalConsent.findMany({
        where: { userId: id },
        orderBy: { createdAt: "asc" },
        select: { createdAt: true, proposal: { select: { title: true, updatedAt: true } } },
      });
      return rows.map(({ createdAt, proposal }) => ({ title: proposal.title, consentedAt: createdAt }));
    },
  },
  {
    key: "impactTrail",
    title: "Impactspoor",
    description:
      "Wat je in het impactspoor van je gemeente schreef: onderwerpen en stappen die jij het laatst wijzigde, je reacties, wat je uit het leernetwerk bewaarde, en je toegang.",
    async collect({ id }) {
      // One statement: the user with the trail's tables joined (relationJoins).
      const user = await prisma.user.findUniqueOrThrow({
        where: { id },
        select: {
          policyTopicsUpdated: {
            orderBy: { createdAt: "asc" },
            select: { title: true, description: true, updatedAt: true },
          },
          policyTopicStepsUpdated: {
            orderBy: { createdAt: "asc" },
            select: {
              title: true,
              round: true,
              phase: true,
              happenedOn: true,
              content: true,
              updatedAt: true,
              topic: { select: { title: true } },
            },
          },
          policyTopicComments: {
            orderBy: { createdAt: "asc" },
            select: { body: true, createdAt: true, topic: { select: { title: true } } },
          },
          policyTopicDocumentsKept: {
            orderBy: { createdAt: "asc" },
            select: {
              title: true,
              body: true,
              source: true,
              createdAt: true,
              topic: { select: { title: true } },
              files: { select: { fileName: true, size: true } },
            },
          },
          impactTrailAccess: {
            orderBy: { createdAt: "asc" },
            select: { kind: true, createdAt: true, municipality: { select: { name: true } } },
          },
        },
      });
      return [
        ...user.policyTopicsUpdated.map((topic) => ({ what: "onderwerp", ...topic })),
        ...user.policyTopicStepsUpdated.map(({ topic, content, ...step }) => ({
          what: "stap",
          topic: topic.title,
          ...step,
          content: content as DataValue,
        })),
        ...user.policyTopicComments.map(({ topic, ...comment }) => ({
          what: "reactie",
          topic: topic.title,
          ...comment,
        })),
        ...user.policyTopicDocumentsKept.map(({ topic, files, ...document }) => ({
          what: "bewaard stuk",
          topic: topic.title,
          ...document,
          files: files.map((file) => ({ fileName: file.fileName, size: file.size })),
        })),
        ...user.impactTrailAccess.map(({ municipality, ...access }) => ({
          what: "toegang",
          municipality: municipality.name,
          ...access,
        })),
      ];
    },
  },
  {
    key: "reads",
    title: "Wat je las",
    description:
      "Welke journaalstukken, intervisiecasussen en opdrachten van anderen je opende, en wanneer (van wie, zonder hun inhoud).",
    async collect({ id }) {
      const rows = await prisma.recordRead.findMany({
        where: { readerId: id },
        orderBy: { readAt: "asc" },
        select: {
          readAt: true,
          journalEntry: { select: { writtenOn: true, author: person } },
          intervisionCase: { select: { author: person } },
          submission: { select: { assignment: { select: { title: true } } } },
        },
      });
      return rows.map(({ readAt, journalEntry, intervisionCase, submission }) => ({
        readAt,
        record: journalEntry
          ? `journaalstuk van ${journalEntry.author.name}`
          : intervisionCase
            ? `intervisiecasus van ${intervisionCase.author.name}`
            : `uitwerking bij de opdracht ${submission?.assignment.title ?? ""}`,
      }));
    },
  },
  {
    key: "readsOfYours",
    title: "Wie las wat jij deelde",
    description: "Wie je journaalstukken, je intervisiecasussen en jullie opdrachten opende, en wanneer.",
    async collect({ id }) {
      const rows = await prisma.recordRead.findMany({
        where: {
          OR: [
            { journalEntry: { authorId: id } },
            { intervisionCase: { authorId: id } },
            {
              submission: { enrollment: { members: { some: { userId: id } } }, OR: [{ userId: null }, { userId: id }] },
            },
          ],
        },
        orderBy: { readAt: "asc" },
        select: {
          readAt: true,
          reader: person,
          journalEntry: { select: { title: true } },
          intervisionCase: { select: { title: true } },
          submission: { select: { assignment: { select: { title: true } } } },
        },
      });
      return rows.map(({ readAt, reader, journalEntry, intervisionCase, submission }) => ({
        readAt,
        reader: reader.name,
        record: journalEntry
          ? `journaalstuk: ${journalEntry.title || "(zonder titel)"}`
          : intervisionCase
            ? `intervisiecasus: ${intervisionCase.title}`
            : `uitwerking bij de opdracht ${submission?.assignment.title ?? ""}`,
      }));
    },
  },
  {
    key: "sharedWithYou",
    title: "Met jou gedeeld",
    description:
      "De journaalstukken en intervisiecasussen van anderen die met jou gedeeld werden, en sinds wanneer (van wie, zonder hun inhoud).",
    async collect({ id }) {
      // One statement: the user with both reader tables joined.
      const user = await prisma.user.findUniqueOrThrow({
        where: { id },
        select: {
          journalReadable: {
            orderBy: { createdAt: "asc" },
            select: { via: true, createdAt: true, entry: { select: { author: person } } },
          },
          intervisionCasesReadable: {
            orderBy: { createdAt: "asc" },
            select: { createdAt: true, case: { select: { author: person } } },
          },
        },
      });
      return [
        ...user.journalReadable.map(({ via, createdAt, entry }) => ({
          record: `journaalstuk van ${entry.author.name}`,
          via,
          since: createdAt,
        })),
        ...user.intervisionCasesReadable.map(({ createdAt, case: item }) => ({
          record: `intervisiecasus van ${item.author.name}`,
          via: "GROUP",
          since: createdAt,
        })),
      ];
    },
  },
  {
    key: "announcements",
    title: "Mededelingen die je schreef",
    description: "De mededelingen die je als coördinator of begeleider aan een leernetwerk stuurde.",
    async collect({ id }) {
      const rows = await prisma.announcement.findMany({
        where: { authorId: id },
        orderBy: { createdAt: "asc" },
        select: {
          title: true,
          body: true,
          createdAt: true,
          cohort: { select: { name: true } },
          session: { select: { number: true, title: true } },
          group: { select: { name: true } },
        },
      });
      return rows.map(({ cohort, session, group, ...row }) => ({
        cohort: cohort.name,
        audience: session
          ? `Bijeenkomst ${session.number}: ${session.title}`
          : group
            ? `Intervisiegroep ${group.name}`
            : "Het hele leernetwerk",
        ...row,
      }));
    },
  },
  {
    key: "notificationPreferences",
    title: "Meldingen: je keuzes",
    description: "Hoe je per soort melding op de hoogte wilt blijven.",
    async collect({ id }) {
      return prisma.notificationPreference.findMany({
        where: { userId: id },
        orderBy: { kind: "asc" },
        select: { kind: true, mode: true, updatedAt: true },
      });
    },
  },
  {
    key: "notifications",
    title: "Meldingen aan jou",
    description: "Waarover we je een melding stuurden of nog gaan sturen.",
    async collect({ id }) {
      return prisma.notification.findMany({
        where: { userId: id },
        orderBy: { createdAt: "asc" },
        select: { kind: true, mode: true, status: true, title: true, url: true, createdAt: true, processedAt: true },
      });
    },
  },
  {
    key: "emails",
    title: "E-mail aan jou",
    description: "De e-mails die we naar je stuurden (of bewaarden om te sturen).",
    async collect({ email }) {
      return prisma.emailMessage.findMany({
        where: { to: { equals: email, mode: "insensitive" } },
        orderBy: { createdAt: "asc" },
        select: { kind: true, to: true, subject: true, text: true, status: true, createdAt: true, sentAt: true },
      });
    },
  },
  {
    key: "applications",
    title: "Aanmeldingen",
    description: "Aanmeldingen van een gemeente waarin je als contactpersoon of duolid staat.",
    async collect({ email }) {
      const rows = await prisma.application.findMany({
        where: {
          OR: [
            { contactEmail: { equals: email, mode: "insensitive" } },
            { members: { some: { email: { equals: email, mode: "insensitive" } } } },
          ],
        },
        orderBy: { createdAt: "asc" },
        select: {
          municipalityName: true,
          contactName: true,
          contactEmail: true,
          contactPhone: true,
          vraagstuk: true,
          status: true,
          createdAt: true,
          cohort: { select: { name: true } },
          members: {
            where: { email: { equals: email, mode: "insensitive" } },
            select: { name: true, email: true, function: true },
          },
        },
      });
      return rows.map(({ cohort, ...row }) => ({ cohort: cohort.name, ...row }));
    },
  },
  {
    key: "invitations",
    title: "Uitnodigingen",
    description: "Uitnodigingen die naar je e-mailadres gingen.",
    async collect({ email }) {
      return prisma.invitation.findMany({
        where: { email: { equals: email, mode: "insensitive" } },
        orderBy: { createdAt: "asc" },
        select: { role: true, name: true, createdAt: true, expiresAt: true, acceptedAt: true, revokedAt: true },
      });
    },
  },
  {
    key: "audit",
    title: "Logboek",
    description: "Wat er in het logboek staat over jou of over wat je deed.",
    async collect({ id }) {
      const rows = await prisma.auditLog.findMany({
        where: { OR: [{ actorId: id }, { entityId: id }] },
        orderBy: { createdAt: "asc" },
        select: { action: true, entityType: true, details: true, createdAt: true, actor: person },
      });
      return rows.map(({ actor, details, ...row }) => ({
        ...row,
        by: actor?.name ?? null,
        details: details as DataValue,
      }));
    },
  },
];

export type PersonalData = {
  exportedAt: Date;
  person: { id: string; name: string; email: string };
  kinds: { key: string; title: string; description: string; records: DataRecord[] }[];
};

/** Everything about one person, kind by kind (one query per kind), and an audit entry that it was downloaded. */
export async function collectPersonalData(userId: string, now = new Date()): Promise<PersonalData> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true },
  });
  const kinds = [];
  for (const kind of PERSONAL_DATA_KINDS) {
    kinds.push({ key: kind.key, title: kind.title, description: kind.description, records: await kind.collect(user) });
  }
  await recordAudit({ actorId: userId, action: "personal-data.downloaded", entityType: "User", entityId: userId });
  return { exportedAt: now, person: user, kinds };
}

/** gegevens.json: one object per kind, keyed by the kind's key; dates in ISO 8601 (UTC). */
export function personalDataJson(data: PersonalData): string {
  return JSON.stringify(
    {
      format: "leernetwerk-gegevens/1",
      exportedAt: data.exportedAt,
      person: data.person,
      data: Object.fromEntries(data.kinds.map((kind) => [kind.key, kind.records])),
    },
    null,
    2,
  );
}

/**
 * The ZIP archive (gegevens.json + gegevens.html), streamed: archiver compresses while the response is sent.
 * The collecting happens first, so a database error is still a normal error page, not a broken download.
 */
export async function personalDataArchive(userId: string, now = new Date()): Promise<ReadableStream<Uint8Array>> {
  const data = await collectPersonalData(userId, now);
  const archive = new ZipArchive({ zlib: { level: 6 } });
  archive.append(personalDataJson(data), { name: "gegevens.json", date: now });
  archive.append(personalDataHtml(data), { name: "gegevens.html", date: now });
  void archive.finalize();
  return Readable.toWeb(archive) as ReadableStream<Uint8Array>;
}
