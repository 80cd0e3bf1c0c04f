const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  module: {
    // Reference data shipped as CSV (GB/T 2260 divisions) is bundled as text.
    rules: [{ test: /\.csv$/, type: 'asset/source' }],
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      assets: ['./src/assets'],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      sourceMap: true,
      // OpenAPI schemas from the shared DTOs' types and class-validator rules, at compile time, so
      // the contracts library itself stays free of NestJS imports.
      transformers: [
        {
          name: '@nestjs/swagger/plugin',
          options: { classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts', '.params.ts'] },
        },
      ],
    }),
  ],
};
