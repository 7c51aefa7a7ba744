// Stylesheets imported by components (Vite bundles them); tests render markup only and need none.
module.exports = {};
