import type { TreeNode } from '../yaml/tree';
import { ConvertContext } from './context';
import { convertEtcHosts, convertHostname, convertWriteFiles } from './files';
import { noteLeftovers } from './leftovers';
import { emptyModel, type ButaneModel } from './model';
import type { Note } from './notes';
import { convertServices } from './services';
import { noteLeftSubstitutions, type Platform } from './substitutions';
import { convertUnits } from './units';
import { convertUpdate } from './update';
import { convertSshKeys, convertUsers } from './users';

/**
 * The cloud-config's value tree as a Butane model. Files are added in the order coreos-cloudinit
 * wrote them (host name, write_files, then the files it generated), so a later write wins.
 */
export function readCloudConfig(text: string, root: TreeNode, platform: Platform): { model: ButaneModel; notes: Note[] } {
  const ctx = new ConvertContext(text, emptyModel(), platform);
  if (root.kind === 'map') {
    convertSshKeys(ctx, root);
    convertUsers(ctx, root);
    const hostname = convertHostname(ctx, root);
    convertWriteFiles(ctx, root);
    convertUnits(ctx, root);
    convertUpdate(ctx, root);
    convertEtcHosts(ctx, root, hostname);
    convertServices(ctx, root);
    noteLeftovers(ctx, root);
  }
  noteLeftSubstitutions(ctx);
  ctx.notes.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  // Notes on elements that are written are comments there; the others go to the top.
  const written = new Set<object>([...ctx.model.units, ...ctx.model.users, ...ctx.model.files]);
  for (const n of ctx.notes) if (!written.has(ctx.attachments.get(n)!)) ctx.model.comments.push(`line ${ctx.lines.lineOf(n.range[0])}: ${n.message}`);
  return { model: ctx.model, notes: ctx.notes };
}
