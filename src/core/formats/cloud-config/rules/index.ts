import type { RuleId } from '../../../rule-table';
import { explainInvalidValue } from './allowed-values';
import { wrongTypeAtBoot } from './boot-decode';
import type { Enrich, Rule } from './context';
import { suggestForUnknownKey } from './key-suggestions';
import { deprecatedService } from './services';
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
import { fileOwner, filePath, permissionsDecimal, scriptPermissions } from './write-files';
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
  scriptPermissions,
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

/** How the `all` rule set says the reference's own findings better, by rule. */
export const enrichments: Partial<Record<RuleId, Enrich>> = {
  'unknown-key': suggestForUnknownKey,
  'invalid-value': explainInvalidValue,
  'deprecated-key': deprecatedService,
  'wrong-type': wrongTypeAtBoot,
};
