// Builds the task pane into dist/ and serves it on https://localhost:3000 (the origin in
// manifest.xml). office.js is not bundled: taskpane.html loads it from Microsoft's CDN.
// Also builds the browser preview (preview.html: the sample workbook as a grid beside the
// same task pane bundle, in preview-pane.html, on globals built over the Excel stand-in).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

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

module.exports = (_env, argv) => {
  const production = argv.mode === 'production';
  return {
    mode: production ? 'production' : 'development',
    devtool: 'source-map',
    entry: { taskpane: './src/taskpane/index.tsx', preview: './src/preview/page/main.ts' },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].js',
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
          { from: 'manifest.xml', to: 'manifest.xml' },
          { from: 'src/taskpane/commands.html', to: 'commands.html' },
          { from: 'src/taskpane/support.html', to: 'support.html' },
          { from: SAMPLE, to: `samples/${path.basename(SAMPLE)}` },
        ],
      }),
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
