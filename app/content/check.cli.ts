// npm run content:check — validates content/ and reports copied runs of words. Exit code 1 on problems.
import { checkContent } from "./check.ts";
import { aantal } from "../utils/plural.ts";

const { library, methods, errors, copied } = checkContent();
for (const error of errors) console.log(`FOUT  ${error.file}${error.line ? `:${error.line}` : ""}  ${error.message}`);
for (const run of copied) console.log(`KOPIE ${run.file}  ${run.words} woorden gelijk aan een bron: "${run.text}"`);
const words = [...library.lessons.values()].reduce((sum, lesson) => sum + lesson.words, 0);
console.log(
  `\n${library.modules.length} modules, ${library.lessons.size} lessen, ${words} woorden, ${library.selfScans.length} zelfscans, ${library.evaluations.length} evaluaties, ` +
    `${methods.methods.length} intervisiemethoden; ` +
    `${aantal(errors.length, "fout", "fouten")}, ${aantal(copied.length, "gekopieerde passage", "gekopieerde passages")}.`,
);
process.exit(errors.length + copied.length > 0 ? 1 : 0);
