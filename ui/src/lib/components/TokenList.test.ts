import { screen, waitFor, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { token } from "../../test/fakeBackend";
import { renderApp } from "../../test/renderApp";

const tokens = [
  token({ name: "One", days_left: 1 }),
  token({ name: "Two", days_left: 2 }),
  token({ name: "Three", days_left: 3 }),
  token({ name: "Mona's", login: "mona", days_left: 4 }),
];

/** The name in the row holding the focus. */
const focusedName = () => document.activeElement?.closest('[data-testid="token-row"]')?.querySelector('[data-testid="token-name"]')?.textContent;

describe("the token list", () => {
  it("tells screen readers each row's place in its account's list", async () => {
    renderApp({ tokens });
    await screen.findAllByTestId("token-row");
    const [octocat, mona] = screen.getAllByTestId("account-group");
    const places = (group: HTMLElement) =>
      within(group)
        .getAllByRole("listitem")
        .map((li) => `${li.getAttribute("aria-posinset")}/${li.getAttribute("aria-setsize")}`);
    expect(places(octocat)).toEqual(["1/3", "2/3", "3/3"]);
    expect(places(mona)).toEqual(["1/1"]);
  });

  it("moves the focus from row to row with the arrow keys, Home and End", async () => {
    const { user } = renderApp({ tokens });
    const rows = await screen.findAllByTestId("token-row");
    within(rows[0]).getByTitle("Show details of One").focus();
    await user.keyboard("{ArrowDown}");
    await waitFor(() => expect(focusedName()).toBe("Two"));
    await user.keyboard("{End}");
    await waitFor(() => expect(focusedName()).toBe("Mona's"));
    await user.keyboard("{ArrowUp}");
    await waitFor(() => expect(focusedName()).toBe("Three"));
    await user.keyboard("{Home}");
    await waitFor(() => expect(focusedName()).toBe("One"));
  });
});
