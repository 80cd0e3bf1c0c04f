// The bundlers (webpack, esbuild, Jest via tools/jest/raw-text-transform.js) load `.csv` files as
// their raw text, so the reference data ships inside the bundle and needs no file system.
declare module '*.csv' {
  const text: string;
  export default text;
}
