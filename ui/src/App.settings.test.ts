import { screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { token } from "./test/fakeBackend";
import { renderApp } from "./test/renderApp";

async function openSettings(fake: ReturnType<typeof renderApp>) {
  await fake.user.click(await screen.findByTestId("menu"));
  await fake.user.click(await screen.findByTestId("menu-settings"));
  return screen.findByTestId("settings-dialog");
}

describe("copy", () => {
  it("copies from the row and the details in Rust, and says when the clipboard clears", async () => {
    const fake = renderApp({ tokens: [token({ name: "laptop" })] });
    await fake.user.click(await screen.findByTestId("token-copy"));
    await waitFor(() => expect(fake.backend.copyToken).toHaveBeenCalledWith("id-laptop"));
    expect(await screen.findByText("“laptop” copied — clears in 30 s")).toBeInTheDocument();

    await fake.user.click(screen.getByTestId("token-name"));
    await fake.user.click(await screen.findByTestId("details-copy"));
    expect(fake.prefs.copied).toEqual(["id-laptop", "id-laptop"]);
  });

  it("offers no copy for a token whose secret is gone", async () => {
    renderApp({ tokens: [token({ name: "old", secret_missing: true })] });
    expect(await screen.findByTestId("token-copy")).toBeDisabled();
  });
});

describe("settings", () => {
  it("saves reminder days, the clipboard delay and start at login as they change", async () => {
    const fake = renderApp({ tokens: [token({ name: "laptop" })] });
    const dialog = await openSettings(fake);
    const month = await within(dialog).findByTestId("settings-day-30");
    expect(month).not.toBeChecked();
    expect(within(dialog).getByTestId("settings-day-7")).toBeChecked();
    await fake.user.click(month);
    await waitFor(() => expect(fake.prefs.prefs.reminder_days).toContain(30));
    expect(within(dialog).getByTestId("settings-saved")).toHaveTextContent("Saved");

    await fake.user.selectOptions(within(dialog).getByTestId("settings-clear"), "Never");
    await waitFor(() => expect(fake.prefs.prefs.clear_after_secs).toBe(0));

    expect(within(dialog).getByTestId("settings-login")).not.toBeChecked();
    await fake.user.click(within(dialog).getByTestId("settings-login"));
    await waitFor(() => expect(fake.backend.setStartAtLogin).toHaveBeenCalledWith(true));
    expect(within(dialog).getByTestId("settings-login")).toBeChecked();

    await fake.user.click(within(dialog).getByTestId("settings-close"));
    await fake.user.click(screen.getByTestId("token-copy"));
    expect(await screen.findByText("“laptop” copied")).toBeInTheDocument();
  });

  it("says so when every reminder is turned off", async () => {
    const fake = renderApp();
    const dialog = await openSettings(fake);
    for (const d of [14, 7, 3, 1, 0]) await fake.user.click(await within(dialog).findByTestId(`settings-day-${d}`));
    await waitFor(() => expect(fake.prefs.prefs.reminder_days).toEqual([]));
    expect(dialog).toHaveTextContent("No reminders: Jeton will not notify you before a token expires.");
  });
});
