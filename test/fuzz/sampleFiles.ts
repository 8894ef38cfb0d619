/// For the importer fuzz tests: one good file of every kind Excerpt imports, to mutate. The
/// documents are written here (a short communiqué in each format); the exchange files are the
/// seeded fuzz library's own exports, so that a mutated one still meets its documents and tags.
import type { Library } from '../../core/library.ts';
import { writeDocx } from '../../core/testing/writeDocx.ts';
import { mailMessage } from '../../core/testing/writeEml.ts';
import { writeReleasePdf } from '../../core/testing/writePdf.ts';
import type { SandboxFile } from './importSandbox.ts';

const heading = 'Joint communiqué on maritime safety';
const date = '12 March 2024';
const paragraphs = ['The coastguards of both countries will share their patrol schedules.', 'Они встретятся снова в мае 😊.'];

const utf8 = (text: string) => new TextEncoder().encode(text);

/// A good document of every importable format.
export async function documentSamples(): Promise<SandboxFile[]> {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${heading}</title>` +
    '<meta property="og:site_name" content="Ministry of Transport"><link rel="canonical" href="https://example.org/maritime"></head>' +
    `<body><article><h1>${heading}</h1><p><time datetime="2024-03-12">${date}</time></p>${paragraphs.map((p) => `<p>${p} <em>a</em> <a href="https://example.org">link</a></p>`).join('')}` +
    '<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul><blockquote><p>Quoted.</p></blockquote></article></body></html>';
  const document = (name: string, bytes: Uint8Array): SandboxFile => ({ name, bytes, kind: 'document' });
  return [
    document('communique.txt', utf8([heading, date, ...paragraphs].join('\n\n'))),
    document('communique.md', utf8(`# ${heading}\n\n*${date}*\n\n${paragraphs.join('\n\n')}\n\n- one\n- two\n  - nested\n\n> Quoted **strongly**.\n`)),
    document('communique.html', utf8(html)),
    document('communique.eml', utf8(mailMessage({ subject: heading, date: 'Tue, 12 Mar 2024 09:00:00 +0100', text: paragraphs.join('\n\n'), html, attachments: [{ name: 'note.txt', type: 'text/plain', content: 'Attached.' }] }))),
    document('communique.docx', await writeDocx({ property: heading, heading, date, paragraphs })),
    document('communique.pdf', writeReleasePdf({ heading, date, paragraphs })),
  ];
}

/// The library's own REFI-QDA project and codebook and W3C annotations.
export async function exchangeSamples(library: Library): Promise<SandboxFile[]> {
  const exported = async (format: 'qdpx' | 'qdc' | 'w3c', name: string): Promise<SandboxFile> => {
    const file = await library.service.exportExcerpts({ format });
    return { name, bytes: Buffer.from(file.content, file.encoding), kind: 'exchange' };
  };
  return [await exported('qdpx', 'project.qdpx'), await exported('qdc', 'codebook.qdc'), await exported('w3c', 'annotations.jsonld')];
}
