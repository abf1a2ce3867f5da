// The task pane: src/taskpane/index.tsx → dist/ (taskpane.html, hashed bundles, assets/, supporto.html,
// manifest.xml). `npm run build` writes the production manifest, every https://localhost:3000 replaced by
// PIANO_OFFERTA_URL; `npm start` serves the pane on https://localhost:3000 with Office's development
// certificates. office.js comes from Microsoft's CDN (<script> in src/taskpane/index.html), never bundled.
'use strict';

const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');
const { DEV_BASE_URL, normaliseBaseUrl, toProductionManifest } = require('./scripts/manifest-url.cjs');

const ROOT = __dirname;
const DEV_PORT = 3000;
const TARGET = 'es2019';

const MISSING_URL_WARNING = [
  'PIANO_OFFERTA_URL non è impostata: dist/manifest.xml punta ancora a https://localhost:3000,',
  'va bene solo per provare il componente aggiuntivo su questo computer (npm start).',
  'Per il manifest da distribuire indica l\'indirizzo https dove pubblichi dist/, ad esempio:',
  '  PIANO_OFFERTA_URL=https://piano-offerta.comune.example.it npm run build',
].join('\n');

/** Adds a warning to webpack's own summary, so it is not lost above the build output. */
class WarnPlugin {
  constructor(message) {
    this.message = message;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('PianoOffertaWarn', (compilation) => {
      compilation.warnings.push(new compiler.webpack.WebpackError(this.message));
    });
  }
}

/** The production base URL, or null (with a warning) when PIANO_OFFERTA_URL is missing. */
function productionBaseUrl() {
  const raw = process.env.PIANO_OFFERTA_URL;
  if (raw === undefined || raw.trim() === '') {
    console.warn(`\n\x1b[33mATTENZIONE: ${MISSING_URL_WARNING}\x1b[0m\n`);
    return null;
  }
  let base;
  try {
    base = normaliseBaseUrl(raw);
  } catch (error) {
    // The Italian message is the whole story: no stack trace.
    console.error(`\n\x1b[31mERRORE: ${error.message}\x1b[0m\n`);
    process.exit(2);
  }
  console.log(`Manifest di produzione: ${DEV_BASE_URL} → ${base}`);
  return base;
}

/**
 * HTTPS for the development server: the certificates of office-addin-dev-certs (a local CA that the
 * system and Office trust), or, when they cannot be created or installed, webpack-dev-server's own
 * self-signed certificate, with an explanation.
 */
async function devServerHttps() {
  try {
    const { getHttpsServerOptions } = require('office-addin-dev-certs');
    const options = await getHttpsServerOptions();
    return { type: 'https', options };
  } catch (error) {
    const reason = String((error && error.message) || error).split('\n')[0];
    console.warn(
      [
        '',
        '\x1b[33mATTENZIONE: non è stato possibile creare o installare i certificati di sviluppo di Office',
        `(office-addin-dev-certs: ${reason}).`,
        'Il server parte comunque in https con un certificato autofirmato, di cui però questo computer non si',
        'fida: Excel desktop non aprirà il riquadro e il browser mostrerà un avviso di sicurezza.',
        'Che cosa fare:',
        '  - installa i certificati con un utente che può farlo (amministratore / sudo):',
        '      npx office-addin-dev-certs install',
        '    poi riavvia npm start;',
        '  - oppure, per Excel sul web, apri prima https://localhost:3000/taskpane.html nello stesso browser',
        '    e accetta l\'eccezione di sicurezza.\x1b[0m',
        '',
      ].join('\n'),
    );
    return 'https';
  }
}

module.exports = async (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  const production = mode === 'production';
  const serving = Boolean(env.WEBPACK_SERVE);
  const baseUrl = production && !serving ? productionBaseUrl() : null;

  /** @type {import('webpack').Configuration} */
  const config = {
    mode,
    context: ROOT,
    target: ['web', TARGET],
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      // PIANO_DIST: another output folder, so that two builds on one checkout do not overwrite each other.
      path: path.join(ROOT, process.env.PIANO_DIST || 'dist'),
      filename: production ? '[name].[contenthash:8].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:8].js' : '[name].js',
      publicPath: 'auto', // relative to taskpane.html: works at the root of a site or under a path
      clean: true,
    },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.mjs', '.js', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          // import.meta stays for webpack: `new Worker(new URL('./file-worker.ts', import.meta.url))` is how it finds the worker.
          options: { target: TARGET, jsx: 'automatic', supported: { 'import-meta': true } },
        },
      ],
    },
    optimization: {
      splitChunks: { chunks: 'all' },
      // esbuild minifies and also lowers the syntax of the dependencies to es2019.
      minimizer: [new EsbuildPlugin({ target: TARGET, legalComments: 'eof' })],
    },
    performance: { hints: production ? 'warning' : false, maxEntrypointSize: 1536 * 1024, maxAssetSize: 1536 * 1024 },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/index.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        scriptLoading: 'defer',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'static', to: '.' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: baseUrl ? (content) => toProductionManifest(content.toString('utf8'), baseUrl) : undefined,
          },
        ],
      }),
      ...(production && !serving && !baseUrl ? [new WarnPlugin(MISSING_URL_WARNING)] : []),
    ],
    devServer: {
      port: DEV_PORT,
      server: serving ? await devServerHttps() : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: true,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
  return config;
};
