// The project's Markdoc tags: one schema per file.
export { callout } from "./callout.ts";
export { lemniscaat } from "./lemniscaat.ts";
export { opdracht } from "./opdracht.ts";
export { praktijkvoorbeeld } from "./praktijkvoorbeeld.ts";
export { reflectie } from "./reflectie.ts";
export { vraag, zelfscan } from "./zelfscan.ts";
