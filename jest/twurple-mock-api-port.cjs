// Stand-in for @twurple/common's ./mockApiPort.js under jest: the original falls back to
// `import.meta.env`, which jest's CommonJS transform cannot compile. twurple reads the port on every
// request, so tests set process.env.TWURPLE_MOCK_API_PORT before the app talks to Twitch.
exports.getMockApiPort = function getMockApiPort() {
  return process.env.TWURPLE_MOCK_API_PORT ?? null;
};
