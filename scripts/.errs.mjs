import {Composer,Parser} from 'yaml';
import {readFileSync} from 'fs';
for (const f of process.argv.slice(2)) {
  const text = f.startsWith('/')||f.startsWith('.')? readFileSync(f,'utf8') : f.replace(/\\n/g,'\n').replace(/\\t/g,'\t');
  const c=new Composer({schema:'failsafe',uniqueKeys:false});
  for (const d of c.compose(new Parser().parse(text),true)) { console.log(JSON.stringify(f.slice(-50)), d.errors.map(e=>[e.code,e.pos,JSON.stringify(text.slice(e.pos[0],e.pos[1]+5)),e.message.split('\n')[0]])); break; }
}
