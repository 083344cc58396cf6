/** @jest-environment jsdom */
/**
 * views.tsx and theme.ts: a lazy view shows a busy skeleton until its chunk is there; a
 * chunk that cannot be fetched shows what happened and "Thử lại", which fetches again;
 * any other error is not taken for a network problem. The dark theme is fetched on demand.
 */
import { Component, act, type ReactNode } from 'react';
import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { I18nContext, makeI18n } from '../../src/taskpane/i18n';
import { loadTheme, useTheme } from '../../src/taskpane/theme';
import { LazyView, lazyView } from '../../src/taskpane/views';
import { byText, click, render, waitFor, type Rendered } from './render';

let view: Rendered | undefined;
afterEach(async () => {
  await view?.unmount();
  view = undefined;
});

/** A promise settled from outside, as a chunk arriving over the network. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** webpack's error for a chunk it could not fetch. */
function chunkLoadError(): Error {
  const error = new Error('Loading chunk 563 failed.\n(error: https://localhost:3000/563.js)');
  error.name = 'ChunkLoadError';
  return error;
}

function Greeting({ name }: { name: string }) {
  return <p data-greeting>Xin chào {name}</p>;
}

const inPane = (children: ReactNode, lang: 'vi' | 'en' = 'vi') => (
  <FluentProvider theme={webLightTheme}>
    <I18nContext.Provider value={makeI18n(lang)}>{children}</I18nContext.Provider>
  </FluentProvider>
);

test('a busy skeleton while the chunk comes, then the view with its props', async () => {
  const chunk = deferred<typeof Greeting>();
  const View = lazyView(() => chunk.promise);
  view = await render(inPane(<LazyView><View name="Lan" /></LazyView>));
  const status = view.container.querySelector('[role="status"][aria-busy="true"]');
  expect(status?.textContent).toBe('Đang mở phần này...');
  await act(async () => chunk.resolve(Greeting));
  await waitFor(() => expect(view?.container.querySelector('[data-greeting]')?.textContent).toBe('Xin chào Lan'));
  expect(view.container.querySelector('[aria-busy="true"]')).toBeNull();
});

test('a chunk that cannot be fetched: the reason and "Thử lại", which fetches it again', async () => {
  const attempts: ReturnType<typeof deferred<typeof Greeting>>[] = [];
  const View = lazyView(() => {
    attempts.push(deferred<typeof Greeting>());
    return attempts[attempts.length - 1].promise;
  });
  view = await render(inPane(<LazyView><View name="Minh" /></LazyView>, 'en'));
  await act(async () => attempts[0].reject(chunkLoadError()));
  const c = view.container;
  await waitFor(() => expect(c.querySelector('[data-load-failed]')).not.toBeNull());
  expect(c.querySelector('[data-load-failed]')?.textContent).toContain('This part of the task pane could not be loaded (Loading chunk 563 failed.');
  expect(c.querySelector('[data-load-failed]')?.textContent).toContain('Check the network connection');
  await click(byText(c, 'button', 'Try again'));
  expect(attempts).toHaveLength(2);
  await act(async () => attempts[1].resolve(Greeting));
  await waitFor(() => expect(c.querySelector('[data-greeting]')?.textContent).toBe('Xin chào Minh'));
  expect(c.querySelector('[data-load-failed]')).toBeNull();
});

test('preload fetches once; showing the view later uses that fetch', async () => {
  let calls = 0;
  const View = lazyView(async () => {
    calls++;
    return Greeting;
  });
  View.preload();
  View.preload();
  view = await render(inPane(<LazyView><View name="Hà" /></LazyView>));
  await waitFor(() => expect(view?.container.querySelector('[data-greeting]')).not.toBeNull());
  expect(calls).toBe(1);
});

class Outer extends Component<{ children: ReactNode }, { error?: Error }> {
  override state: { error?: Error } = {};
  static getDerivedStateFromError(error: Error) {
    return { error };
  }
  override render() {
    return this.state.error ? <p data-outer>{this.state.error.message}</p> : this.props.children;
  }
}

test('an error of the view itself is not shown as a network problem: it reaches the boundary above', async () => {
  const Broken = lazyView(async () => {
    return function Broken(): never {
      throw new TypeError('a bug in the view');
    };
  });
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    view = await render(inPane(<Outer><LazyView><Broken /></LazyView></Outer>));
    await waitFor(() => expect(view?.container.querySelector('[data-outer]')?.textContent).toBe('a bug in the view'));
    expect(view.container.querySelector('[data-load-failed]')).toBeNull();
  } finally {
    quiet.mockRestore();
  }
});

function ThemeProbe({ kind }: { kind: 'light' | 'dark' }) {
  const theme = useTheme(kind);
  return <p data-background={theme.colorNeutralBackground1} />;
}

test('the dark theme is fetched when asked for; the light one is at hand', async () => {
  await expect(loadTheme('light')).resolves.toBe(webLightTheme);
  view = await render(<ThemeProbe kind="light" />);
  expect(view.container.querySelector('p')?.dataset.background).toBe(webLightTheme.colorNeutralBackground1);
  await view.unmount();
  // Office turned dark after the pane started: light until the dark theme is there.
  view = await render(<ThemeProbe kind="dark" />);
  await waitFor(() => expect(view?.container.querySelector('p')?.dataset.background).toBe(webDarkTheme.colorNeutralBackground1));
  await expect(loadTheme('dark')).resolves.toBe(webDarkTheme);
});
