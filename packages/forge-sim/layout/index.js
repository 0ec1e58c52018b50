// Where the package is on disk: see index.d.ts. CommonJS, with __dirname, and imported relatively from
// both src/ and dist/ (each one folder deep below the package, so `../layout/index.js` names this file
// from either); ES modules import it as Node imports any CommonJS file.
const path = require('node:path');

module.exports.packageRoot = path.join(__dirname, '..');
