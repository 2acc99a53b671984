// End-to-end in Debian's firefox-esr (selenium-webdriver + geckodriver, temporary add-on).
import { defineSuite } from "./lib/cases.mjs";
import { launchFirefox } from "./lib/firefox.mjs";

defineSuite("firefox", launchFirefox);
