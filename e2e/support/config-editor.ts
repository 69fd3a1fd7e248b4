import type { Page } from "@playwright/test";

// The Config page's whole-file editor (CodeMirror), driven as a user does.
export const editor = (page: Page) => page.getByRole("textbox", { name: "openclaw.json editor" });

/** Replaces the editor's whole text, as a paste would. */
export async function setEditorText(page: Page, text: string) {
  await editor(page).click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.insertText(text);
}
