/**
 * The pane's views that its first paint does not need, each a chunk of its own, fetched
 * the first time it is shown (React.lazy over import()). Render one inside <LazyView>:
 * a skeleton while it loads, and if its chunk cannot be fetched (network down) a message
 * with "Thử lại" instead of a blank pane.
 *
 * A new view: one line below,
 *   export const RegisterView = lazyView(() => import('./register/RegisterView').then((m) => m.RegisterView));
 * then in App.tsx `<LazyView><RegisterView ... /></LazyView>`. Do not import the view's
 * module anywhere else in the pane's first-paint code, or webpack puts it back there.
 */
import { Component, Suspense, lazy, type ComponentType, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from './i18n';
import { ViewSkeleton } from './components/PaneSkeleton';

/** A view loaded on first use; `preload()` fetches its chunk ahead (errors are left for when it is shown). */
export type LazyViewComponent<P> = ComponentType<P> & { preload(): void };

/** Views whose chunk could not be fetched, each with how to start afresh ("Thử lại"). */
const failed = new Set<() => void>();

export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>): LazyViewComponent<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () =>
    (loading ??= load().then(
      (view) => ({ default: view }),
      (error: unknown) => {
        // React.lazy keeps the failure: until "Thử lại", then a fresh one fetches again.
        failed.add(() => {
          loading = undefined;
          Lazy = lazy(start);
        });
        throw error;
      },
    ));
  let Lazy = lazy(start);
  const View = (props: P) => {
    const Current = Lazy as unknown as ComponentType<P>;
    return <Current {...props} />;
  };
  return Object.assign(View, { preload: () => void start().catch(() => undefined) });
}

export const TargetsView = lazyView(() => import('./components/TargetsView').then((m) => m.TargetsView));
export const HelpView = lazyView(() => import('./components/HelpView').then((m) => m.HelpView));
export const FindingsSummary = lazyView(() => import('./components/FindingsSummary').then((m) => m.FindingsSummary));
export const StartScreen = lazyView(() => import('./components/StartScreen').then((m) => m.StartScreen));
export const ConsolidationMode = lazyView(() => import('./consolidation/ConsolidationMode').then((m) => m.ConsolidationMode));
export const RegisterView = lazyView(() => import('./register/RegisterView').then((m) => m.default));
export const AppraisalView = lazyView(() => import('./appraisal/AppraisalView').then((m) => m.default));

/** The tabs' views, fetched once the form is on screen and the browser is idle, so switching tabs does not wait. */
export function preloadTabViews(): () => void {
  const run = () => [FindingsSummary, TargetsView, HelpView].forEach((view) => view.preload());
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run, { timeout: 2000 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 200);
  return () => clearTimeout(id);
}

/** webpack's error for a chunk it could not fetch; any other error is a bug and is not hidden here. */
function isChunkLoadError(error: Error): boolean {
  return error.name === 'ChunkLoadError';
}

interface BoundaryProps {
  failed: (error: Error, retry: () => void) => ReactNode;
  children: ReactNode;
}

class ChunkBoundary extends Component<BoundaryProps, { error: Error | undefined }> {
  override state = { error: undefined as Error | undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // Thrown again from here it reaches the boundary above, as if this one were not here.
    if (!isChunkLoadError(error)) throw error;
    return this.props.failed(error, () => {
      failed.forEach((reset) => reset());
      failed.clear();
      this.setState({ error: undefined });
    });
  }
}

export function LazyView({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <ChunkBoundary
      failed={(error, retry) => (
        <MessageBar intent="error" layout="multiline" data-load-failed>
          <MessageBarBody>{t('viewLoadFailed', { error: error.message })}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={retry}>
              {t('viewRetry')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    >
      <Suspense fallback={<ViewSkeleton label={t('viewLoading')} />}>{children}</Suspense>
    </ChunkBoundary>
  );
}
