/**
 * The Office.js globals the task pane reads (`Office` and `Excel`), built over the strict
 * stand-in so the real pane bundle runs in a plain browser page. Only what the add-in
 * uses is provided: anything else reads as undefined, as a missing API would fail in Excel.
 */

/** Excel.run's two call shapes, as the stand-in provides them. */
export type RunFunction = (...args: unknown[]) => Promise<unknown>;

export type PreviewTheme = 'light' | 'dark';

export interface ShimOptions {
  run: RunFunction;
  isSetSupported: (name: string, minVersion?: string) => boolean;
  /** BCP 47 tag Office reports for its UI language ('vi-VN', 'en-US'). */
  displayLanguage: string;
  theme: PreviewTheme;
  /** Called after every Excel.run settles, e.g. to redraw the grid over what the pane wrote. */
  afterRun?: () => void;
}

/** Office.context.officeTheme as Excel reports it for its light (Colorful) and Black themes. */
const THEMES: Record<PreviewTheme, Record<string, string | boolean>> = {
  light: {
    bodyBackgroundColor: '#FFFFFF',
    bodyForegroundColor: '#262626',
    controlBackgroundColor: '#FFFFFF',
    controlForegroundColor: '#262626',
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: '#262626',
    bodyForegroundColor: '#FFFFFF',
    controlBackgroundColor: '#3B3B3B',
    controlForegroundColor: '#FFFFFF',
    isDarkTheme: true,
  },
};

export interface OfficeGlobals {
  Office: Record<string, unknown>;
  Excel: Record<string, unknown>;
}

export function createOfficeGlobals(options: ShimOptions): OfficeGlobals {
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const run: RunFunction = async (...args) => {
    try {
      return await options.run(...args);
    } finally {
      options.afterRun?.();
    }
  };
  const Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { PC: 'PC', OfficeOnline: 'OfficeOnline', Mac: 'Mac', iOS: 'iOS', Android: 'Android', Universal: 'Universal' },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      // Office calls back asynchronously, never during onReady itself.
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    context: {
      host: 'Excel',
      platform: 'OfficeOnline',
      displayLanguage: options.displayLanguage,
      contentLanguage: options.displayLanguage,
      officeTheme: { ...THEMES[options.theme] },
      requirements: { isSetSupported: options.isSetSupported },
    },
  };
  const Excel = {
    run,
    ErrorCodes: {
      apiNotFound: 'ApiNotFound',
      invalidArgument: 'InvalidArgument',
      invalidOperation: 'InvalidOperation',
      itemAlreadyExists: 'ItemAlreadyExists',
      itemNotFound: 'ItemNotFound',
      requestPayloadSizeLimitExceeded: 'RequestPayloadSizeLimitExceeded',
      responsePayloadSizeLimitExceeded: 'ResponsePayloadSizeLimitExceeded',
    },
  };
  return { Office, Excel };
}

/**
 * Where the preview page leaves the globals for the pane's frame: its page (built from
 * taskpane.html with office.js replaced, see webpack.config.js) copies them before the
 * pane bundle runs.
 */
export const GLOBALS_KEY = '__chisoPreviewGlobals';
