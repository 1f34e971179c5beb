/** Rebuilds the page if needed and writes docs/screenshot.png (1280×900, the worked example). */
import { buildIfStale, captureScreenshot, launchChromium, SCREENSHOT, serveDist } from "../test/harness.js";

buildIfStale();
const { url, server } = await serveDist();
const browser = await launchChromium();
try {
  await captureScreenshot(browser, url);
  console.log(`wrote ${SCREENSHOT}`);
} finally {
  await browser.close();
  server.close();
}
