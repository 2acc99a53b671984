// End-to-end in Debian's Chromium (playwright-core). See lib/cases.mjs for the cases.
import { defineSuite } from "./lib/cases.mjs";
import { launchChromium } from "./lib/chromium.mjs";

defineSuite("chromium", launchChromium);
