// ajv-cli, at its default settings (strict), validates every record of the
// built example site and of the golden sites against the site's own
// /schema/record.json: each entry of records.json and the record of each
// records/<id>.json, written out one record a file, as a council's developer
// would check them. A record broken on purpose must fail, or the check proves
// nothing. Run by run.js; alone: node validate_records.js [SITE...]
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const ajv = path.join(__dirname, 'node_modules', '.bin', 'ajv');

// ajv validate --spec=draft2020 (the schema's $schema is 2020-12; nothing else
// changed from the defaults). Returns { ok, output }.
function runAjv(schema, files) {
  const args = ['validate', '--spec=draft2020', '-s', schema, ...files.flatMap((f) => ['-d', f])];
  const result = spawnSync(ajv, args, { encoding: 'utf8' });
  const output = `${result.stdout || ''}${result.stderr || ''}${result.error || ''}`;
  // strictTypes is "log" by default: a warning would be a refusal in strict mode.
  return { ok: result.status === 0 && !/strict mode/.test(output), output };
}

function validateSite(site, scratch, check) {
  const name = path.relative(path.resolve(__dirname, '..', '..'), site) || site;
  fs.rmSync(scratch, { recursive: true, force: true });
  fs.mkdirSync(scratch, { recursive: true });
  const files = [];
  const all = JSON.parse(fs.readFileSync(path.join(site, 'records.json'), 'utf8')).records;
  all.forEach((record, i) => {
    const file = path.join(scratch, `records.json-${i}-${record.id}.json`);
    fs.writeFileSync(file, JSON.stringify(record));
    files.push(file);
  });
  const dir = path.join(site, 'records');
  for (const entry of fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = path.join(scratch, `records-${entry}`);
    fs.writeFileSync(file, JSON.stringify(JSON.parse(fs.readFileSync(path.join(dir, entry), 'utf8')).record));
    files.push(file);
  }
  const schema = path.join(site, 'schema', 'record.json');
  const good = runAjv(schema, files);
  check(`ajv (strict, draft2020): ${files.length} records of ${name} valid against its schema/record.json`,
        good.ok && all.length > 0 && files.length === 2 * all.length, good.output.split('\n').filter((l) => !/ valid$/.test(l)).slice(0, 10).join('\n'));
  const broken = path.join(scratch, 'broken.json');
  fs.writeFileSync(broken, JSON.stringify({ ...all[0], phase: 'finished' }));
  const bad = runAjv(schema, [broken]);
  check(`ajv: a record of ${name} with phase "finished" is refused`, !bad.ok && /invalid/.test(bad.output), bad.output);
}

function validateRecords({ sites, scratch, check }) {
  sites.forEach((site, i) => validateSite(site, path.join(scratch, String(i)), check));
}

module.exports = { validateRecords };

if (require.main === module) {
  const repo = path.resolve(__dirname, '..', '..');
  const sites = process.argv.length > 2 ? process.argv.slice(2).map((s) => path.resolve(s))
    : [path.join(repo, 'build', 'browser', 'site'),
       ...fs.readdirSync(path.join(repo, 'tests', 'golden', 'sites')).sort().map((n) => path.join(repo, 'tests', 'golden', 'sites', n, 'expected'))];
  let failed = 0;
  validateRecords({
    sites, scratch: path.join(repo, 'build', 'browser', 'ajv'),
    check: (name, ok, detail) => { if (!ok) failed++; console.log(`${ok ? 'ok   ' : 'FAIL '} ${name}${!ok && detail ? `\n      ${detail}` : ''}`); },
  });
  process.exit(failed ? 1 : 0);
}
