import { screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { token } from "./test/fakeBackend";
import { renderApp } from "./test/renderApp";

const rows = () => screen.getAllByTestId("token-name").map((n) => n.textContent);

describe("filters by host, account and kind", () => {
  it("shows a filter only when there are two to tell apart, narrows the list, and clears", async () => {
    const fake = renderApp({
      tokens: [
        token({ name: "laptop", days_left: 20 }),
        token({ name: "ci", days_left: 5, login: "robot", kind: "fine_grained", scopes: null }),
        token({ name: "work", days_left: 9, host: "https://ghe.example.com", login: "mlisa" }),
      ],
    });
    await screen.findAllByTestId("token-row");
    expect(rows()).toEqual(["ci", "laptop", "work"]);

    await fake.user.selectOptions(screen.getByTestId("filter-host"), "ghe.example.com");
    expect(rows()).toEqual(["work"]);
    await fake.user.selectOptions(screen.getByTestId("filter-host"), "");
    await fake.user.selectOptions(screen.getByTestId("filter-account"), "@robot");
    expect(rows()).toEqual(["ci"]);
    await fake.user.selectOptions(screen.getByTestId("filter-kind"), "Classic");
    expect(screen.queryAllByTestId("token-row")).toHaveLength(0);
    const none = await screen.findByTestId("no-match");
    await fake.user.click(within(none).getByRole("button"));
    expect(rows()).toEqual(["ci", "laptop", "work"]);
    expect(screen.getByTestId("filter-kind")).toHaveValue("");

    await fake.user.selectOptions(screen.getByTestId("sort"), "host");
    expect(rows()).toEqual(["laptop", "ci", "work"]);
  });

  it("has no host, account or kind filter for one host, one account and one kind", async () => {
    renderApp({ tokens: [token({ name: "a" }), token({ name: "b" })] });
    await screen.findAllByTestId("token-row");
    for (const id of ["filter-host", "filter-account", "filter-kind"]) expect(screen.queryByTestId(id)).toBeNull();
  });
});
