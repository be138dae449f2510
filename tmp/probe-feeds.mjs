import Parser from 'rss-parser';
import fs from 'node:fs';
const p = new Parser({customFields:{item:[['content:encoded','contentEncoded'],['dc:creator','creator'],['media:content','mediaContent',{keepArray:true}]]}});
for (const f of fs.readdirSync('tests/fixtures/feeds').filter(f=>!f.endsWith('.md'))) {
  let t = fs.readFileSync('tests/fixtures/feeds/'+f, f==='rssparser_encoding.rss'?'latin1':'utf8');
  try { const r = await p.parseString(t.trimStart());
    const i = r.items[0] ?? {};
    console.log(f, JSON.stringify({title:r.title, link:r.link, n:r.items.length, it:{title:i.title, link:i.link, guid:i.guid, id:i.id, isoDate:i.isoDate, pubDate:i.pubDate}}));
    const notitle = r.items.filter(x=>!x.title).length, nodate = r.items.filter(x=>!x.isoDate).length, nolink=r.items.filter(x=>!x.link).length;
    console.log('   notitle', notitle, 'nodate', nodate, 'nolink', nolink);
  } catch(e) { console.log(f, 'ERR', e.message); }
}
