import type { Rule } from './context';
import { duplicateKey } from './duplicate-keys';
import { duplicateFilePath, duplicateUnit } from './duplicates';
import { advertiseAddress, endpointUrl } from './endpoint-urls';
import { etcdBootstrapConflict, etcdProxy } from './etcd-bootstrap';
import { etcdClusterSize, etcdClusterState, etcdInitialCluster } from './etcd-cluster';
import { hostname } from './hostname';
import { hyphenatedKey } from './hyphen-keys';
import { userDataSize } from './size';
import { sshKey } from './ssh-keys';
import { unitEnableWithoutInstall, unitMaskStart, unitWithoutContent } from './unit-actions';
import { unitFileSyntax, unitSection } from './unit-content';
import { dropInName, unitName } from './unit-names';
import { passwdHash, userName } from './users';
import { fileOwner, filePath, permissionsDecimal } from './write-files';
import { yaml11Word } from './yaml11-words';

/** Checks of the `all` rule set beyond the reference, in report order. */
export const extraRules: Rule[] = [
  userDataSize,
  duplicateKey,
  hyphenatedKey,
  yaml11Word,
  hostname,
  sshKey,
  userName,
  passwdHash,
  filePath,
  permissionsDecimal,
  fileOwner,
  duplicateFilePath,
  unitName,
  dropInName,
  duplicateUnit,
  unitFileSyntax,
  unitSection,
  unitEnableWithoutInstall,
  unitMaskStart,
  unitWithoutContent,
  etcdInitialCluster,
  etcdClusterState,
  etcdClusterSize,
  etcdProxy,
  etcdBootstrapConflict,
  endpointUrl,
  advertiseAddress,
];
