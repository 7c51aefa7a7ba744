// TypeORM loads its database driver by name at run time (`PlatformTools.load("pg")` calls
// `require(name)`). Inside webpack's bundle that `require` is webpack's own, which cannot resolve
// a name only known at run time; this makes it Node's, which finds `pg` in node_modules.
module.exports = function typeormDriverLoader(source) {
  const patched = source
    .replace(/\brequire\(name\)/g, '__non_webpack_require__(name)')
    .replace(/\brequire\(path_1\.default\.resolve\(/g, '__non_webpack_require__(path_1.default.resolve(');
  if (patched === source)
    throw new Error('typeorm-driver-loader: PlatformTools.load no longer calls require(name)');
  return patched;
};
