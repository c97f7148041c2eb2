// The bundled tasks' loader made by vite.config.ts (`bundledTasks`): file name → the file's text.
declare module 'virtual:veredicto-bundled-tasks' {
  const load: () => Promise<Record<string, string>>;
  export default load;
}
