// Demo data for the impact trail: Zwolle's topic "Toegang tot de schuldhulpverlening", one round through the
// four lemniscaat phases and the start of a second, with a comment from Marco (facilitator of the running
// cohort). Nothing about residents beyond general terms. All people and places are fictional.
import type { PrismaClient } from "../app/generated/prisma/client.ts";

const TITLE = "Toegang tot de schuldhulpverlening";

export async function seedImpactTrail(prisma: PrismaClient) {
  const zwolle = await prisma.municipality.findUniqueOrThrow({ where: { name: "Zwolle" }, select: { id: true } });
  if (await prisma.policyTopic.count({ where: { municipalityId: zwolle.id, title: TITLE } })) return;
  const lisa = await prisma.user.findUniqueOrThrow({ where: { email: "lisa.bakker@zwolle.test" } });
  const erik = await prisma.user.findUniqueOrThrow({ where: { email: "erik.mulder@zwolle.test" } });
  const marco = await prisma.user.findUniqueOrThrow({ where: { email: "marco.jansen@leernetwerk.test" } });
  const topic = await prisma.policyTopic.create({
    data: {
      municipalityId: zwolle.id,
      title: TITLE,
      description: "Inwoners met geldzorgen vragen pas laat om hulp. We willen weten waarom, en de drempel verlagen.",
      updatedById: lisa.id,
    },
  });
  const steps = [
    {
      round: 1,
      phase: "GATHER" as const,
      title: "Gesprekstafel in het wijkcentrum",
      happenedOn: "2027-02-18",
      updatedById: lisa.id,
      content: {
        methods: "groep,collegas",
        fromWhom: "Negen inwoners met schulden, uitgenodigd via het buurtteam en de voedselbank",
        consent: "Mondeling gevraagd aan het begin; vastgelegd in het verslag, zonder namen",
        heard: "De eerste brief over een achterstand is dreigend. Mensen schamen zich en wachten tot het te laat is.",
      },
    },
    {
      round: 1,
      phase: "TRANSLATE" as const,
      title: "Duiden met twee ervaringsdeskundigen",
      happenedOn: "2027-03-04",
      updatedById: erik.id,
      content: {
        causes: "Schaamte en de toon van de brieven maken de drempel naar hulp hoog.",
        withWhom: "Twee ervaringsdeskundige collega's en een schuldhulpverlener",
      },
    },
    {
      round: 1,
      phase: "CHANGE" as const,
      title: "Nieuwe brieven en één loket",
      happenedOn: "2027-04-15",
      updatedById: erik.id,
      content: {
        change: "De brieven over achterstanden zijn samen met inwoners herschreven. Er komt één loket voor geldzorgen.",
        decidedBy: "Het college",
        decidedOn: "2027-04-15",
        status: "in-uitvoering",
      },
    },
    {
      round: 1,
      phase: "FEEDBACK" as const,
      title: "Terugkoppeling aan de gesprekstafel",
      happenedOn: "2027-05-20",
      updatedById: lisa.id,
      content: {
        done: "De nieuwe brieven gaan vanaf juni de deur uit; het loket opent in september.",
        notDone: "Een avondopening kan nog niet: daar is dit jaar geen budget voor. We nemen het mee in de begroting.",
        how: "Een bijeenkomst in het wijkcentrum en een brief via het buurtteam",
        toldOn: "2027-05-20",
      },
    },
    {
      round: 2,
      phase: "GATHER" as const,
      title: "Klantreis langs het nieuwe loket",
      happenedOn: "2027-06-10",
      updatedById: lisa.id,
      content: {
        methods: "klantreis",
        fromWhom: "Vijf inwoners die het loket als eerste gebruikten",
        consent: "",
        heard: "",
      },
    },
  ];
  for (const step of steps) {
    const created = await prisma.policyTopicStep.create({
      data: { ...step, topicId: topic.id, happenedOn: new Date(`${step.happenedOn}T00:00:00Z`) },
    });
    if (step.phase === "FEEDBACK")
      await prisma.policyTopicComment.create({
        data: {
          topicId: topic.id,
          stepId: created.id,
          authorId: marco.id,
          body: "Mooi dat jullie ook vertellen wat (nog) niet kan. Vraag bij de klantreis of de nieuwe brief beter te lezen is.",
        },
      });
  }
}
