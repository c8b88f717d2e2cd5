// Regenerates the generated parts of docs/ from the built sources (`npm run docs`).
import { writeFileSync } from "node:fs";
import { renderCatalogueMarkdown } from "../dist/src/diagnostics/catalogue-doc.js";

writeFileSync(new URL("../docs/diagnostics.md", import.meta.url), renderCatalogueMarkdown());
console.log("wrote docs/diagnostics.md");
