import { screen, waitFor } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { token } from "./test/fakeBackend";
import { renderApp } from "./test/renderApp";

describe("a reminder's click or Open", () => {
  it("opens that token's details, with the tokens as they are now", async () => {
    const fake = renderApp({ tokens: [token({ name: "laptop", days_left: 2 }), token({ name: "workstation", days_left: 90 })] });
    await screen.findAllByTestId("token-row");
    await waitFor(() => expect(fake.backend.onOpenToken).toHaveBeenCalled());
    expect(screen.queryByTestId("token-details")).toBeNull();
    const calls = fake.backend.listTokens.mock.calls.length;
    fake.openToken("id-laptop");
    const details = await screen.findByTestId("token-details");
    expect(details).toHaveTextContent("laptop");
    expect(details).not.toHaveTextContent("workstation");
    await waitFor(() => expect(fake.backend.listTokens.mock.calls.length).toBeGreaterThan(calls));
  });
});
