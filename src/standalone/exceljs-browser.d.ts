// exceljs's self-contained browser build (no Node polyfills needed), loaded lazily in file mode.
declare module 'exceljs/dist/exceljs.min.js' {
  import ExcelJS from 'exceljs';
  export default ExcelJS;
}
