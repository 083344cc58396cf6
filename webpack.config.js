// Builds the task pane into dist/ and serves it on https://localhost:3000 (the origin in
// manifest.xml). office.js is not bundled: taskpane.html loads it from Microsoft's CDN.
// Also builds the browser app (preview.html: the officer's own workbook, or the sample, as
// a grid beside the same task pane bundle, in preview-pane.html, on globals built over the
// Excel stand-in; sw.js keeps it working offline).
// A production build is a release: ADDIN_URL (the https folder dist/ is served from) is
// required, and dist/manifest.xml points there (scripts/addin-manifest.js, docs/deploy.md).
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { addinBase, releaseManifest } = require('./scripts/addin-manifest');
const { version } = require('./package.json');

const PORT = 3000;

/** The bundled sample workbook the preview opens. */
const SAMPLE = 'data/samples/so-tu-phap-2024.xlsx';

const OFFICE_JS_TAG = /<script src="https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"><\/script>/;

/**
 * The pane's page for the preview: taskpane.html with office.js (unreachable offline, and
 * Office-only) replaced by a script that adopts the Office and Excel globals the preview
 * page built over the stand-in (src/preview/office-shim.ts), before the pane bundle runs.
 */
function previewPaneHtml() {
  const html = fs.readFileSync(path.join(__dirname, 'src/taskpane/taskpane.html'), 'utf8');
  if (!OFFICE_JS_TAG.test(html)) throw new Error('src/taskpane/taskpane.html no longer loads office.js as expected: update previewPaneHtml');
  const adopt = [
    '<script>',
    '      (function () {',
    "        var globals = window.parent !== window && window.parent.__chisoPreviewGlobals;",
    "        if (!globals) throw new Error('preview-pane.html runs inside preview.html only');",
    '        window.Office = globals.Office;',
    '        window.Excel = globals.Excel;',
    '      })();',
    '    </script>',
  ].join('\n');
  return html.replace(OFFICE_JS_TAG, adopt);
}

/**
 * The https server for webpack-dev-server: office-addin-dev-certs' trusted certificate when
 * it is already installed (`npx office-addin-dev-certs install`), else webpack-dev-server's
 * own self-signed one (the browser or Office must then be told to trust it once).
 */
function httpsServer() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (!Object.values(files).every((file) => fs.existsSync(path.join(dir, file)))) return 'https';
  const options = Object.fromEntries(Object.entries(files).map(([name, file]) => [name, fs.readFileSync(path.join(dir, file))]));
  return { type: 'https', options };
}

/** The release base from ADDIN_URL; without a usable one the build stops and says what to set. */
function releaseBase() {
  try {
    return addinBase(process.env.ADDIN_URL);
  } catch (error) {
    console.error(`\n${error.message}\n`);
    process.exit(2);
  }
}

/** Files the service worker does not cache: the manifest is for Office, sw.js is itself. */
const NOT_CACHED = /(^manifest\.xml$|^sw\.js$|\.map$|\.LICENSE\.txt$)/;

/**
 * Emits sw.js (src/preview/page/sw.js) with the list of every other emitted file and a
 * version hashed from their bytes: any change in a release makes the browser install it anew.
 */
class ServiceWorkerPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('ServiceWorkerPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'ServiceWorkerPlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, (assets) => {
        const files = Object.keys(assets).filter((name) => !NOT_CACHED.test(name)).sort();
        const hash = crypto.createHash('sha256');
        for (const name of files) hash.update(name).update(assets[name].buffer());
        const source = fs
          .readFileSync(path.join(__dirname, 'src/preview/page/sw.js'), 'utf8')
          .replace("'__CHISO_VERSION__'", JSON.stringify(`${version}-${hash.digest('hex').slice(0, 12)}`))
          .replace('__CHISO_FILES__', JSON.stringify(files.map((name) => `./${name}`)));
        compilation.emitAsset('sw.js', new webpack.sources.RawSource(source));
      });
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  const base = production ? releaseBase() : null;
  return {
    mode: production ? 'production' : 'development',
    // A release publishes no source maps: they are written beside dist/, in sourcemaps/.
    devtool: production ? 'hidden-source-map' : 'source-map',
    entry: { taskpane: './src/taskpane/index.tsx', preview: './src/preview/page/main.ts' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
      sourceMapFilename: production ? '../sourcemaps/[file].map' : '[file].map',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `tsc --noEmit`'s job; the shared tsconfig says noEmit.
            options: { transpileOnly: true, compilerOptions: { module: 'ESNext', noEmit: false } },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          // exceljs (~940 KB) is loaded with import() when a file is opened: its own chunk.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: 'exceljs', chunks: 'async', priority: 20, enforce: true },
          vendors: { test: /[\\/]node_modules[\\/]/, name: 'vendors', chunks: 'initial', priority: 10 },
        },
      },
    },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], inject: 'body' }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/page/preview.html', chunks: ['preview'], inject: 'body' }),
      new HtmlWebpackPlugin({ filename: 'preview-pane.html', templateContent: previewPaneHtml, chunks: ['taskpane'], inject: 'body' }),
      new CopyWebpackPlugin({
        patterns: [
          // Exact paths, no globs: a glob on the repository root would watch the whole root
          // and rebuild on every log or temp file written there.
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            ...(production ? { transform: (content) => releaseManifest(content.toString('utf8'), base, version) } : {}),
          },
          { from: 'src/taskpane/commands.html', to: 'commands.html' },
          { from: 'src/taskpane/support.html', to: 'support.html' },
          { from: SAMPLE, to: `samples/${path.basename(SAMPLE)}` },
        ],
      }),
      // The surgical writer (src/xlsx/surgical.ts) also runs in the browser app: Buffer
      // from the `buffer` package, node:path's posix helpers from a small module.
      new webpack.ProvidePlugin({ Buffer: ['buffer', 'Buffer'] }),
      new webpack.NormalModuleReplacementPlugin(/^node:path$/, path.resolve(__dirname, 'src/preview/page/posixPath.ts')),
      // The appraisal worker writes request workbooks as bytes with src/xlsx/streamWrite.ts, never files.
      new webpack.NormalModuleReplacementPlugin(/^node:fs\/promises$/, path.resolve(__dirname, 'src/worker/nodeFsStub.ts')),
      new ServiceWorkerPlugin(),
    ],
    performance: { hints: production ? 'warning' : false, maxEntrypointSize: 800 * 1024, maxAssetSize: 1200 * 1024 },
    watchOptions: { ignored: ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/coverage/**', '**/test-results/**', '**/.tmp/**', '**/*.log'] },
    devServer: {
      port: PORT,
      server: httpsServer(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      client: { overlay: { warnings: false, errors: true } },
    },
  };
};
