// Renders the whole app on a fake back end, with a user to drive it.

import { render } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import App from "../App.svelte";
import { fakeBackend } from "./fakeBackend";
import type { FakeOptions } from "./fakeBackend";

export function renderApp(opts: FakeOptions = {}) {
  const fake = fakeBackend(opts);
  const user = userEvent.setup();
  render(App, { props: { backend: fake.backend } });
  return { ...fake, user };
}
