package dossier.sample;

import dossier.contract.DatasetContract;
import dossier.settings.SettingsException;
import java.util.List;
import java.util.Map;

/**
 * The few codes whose meaning the simulation relies on (a filing is approved, a leave refused, a
 * row is a correction …), each checked at start against its contract's code list, so a contract
 * that renames one fails loudly instead of producing wrong files. Distributions of codes are
 * settings (reference.conf); whole code lists come from the contracts.
 */
record DomainCodes(
    String yes, String no, String male, String female, String principal, String deputy,
    String newRecord, String correction, String revocation, String exit, String entry,
    String filingApproved, String filingRefused, String leaveApproved, String leaveRefused,
    String unitTarget, String personTarget, String petitionReceived, String petitionInProgress,
    String petitionClosed, String substantiated, String reminder, String inquiry, String admonishment,
    String unknownCode) {

  static DomainCodes check(Map<String, DatasetContract> contracts, String unknownCode) {
    DomainCodes codes = new DomainCodes(
        code(contracts, "zzb_roster", "team_member", "是"), code(contracts, "zzb_roster", "team_member", "否"),
        code(contracts, "zzb_roster", "gender", "男"), code(contracts, "zzb_roster", "gender", "女"),
        code(contracts, "zzb_roster", "role", "正职"), code(contracts, "zzb_roster", "role", "副职"),
        code(contracts, "jw_cf", "record_state", "新增"), code(contracts, "jw_cf", "record_state", "更正"),
        code(contracts, "jw_cf", "record_state", "撤销"),
        code(contracts, "ga_crj", "direction", "出境"), code(contracts, "ga_crj", "direction", "入境"),
        code(contracts, "zzb_crjbb", "approval", "同意"), code(contracts, "zzb_crjbb", "approval", "不同意"),
        code(contracts, "zzb_qj", "approval", "已批准"), code(contracts, "zzb_qj", "approval", "未批准"),
        code(contracts, "xn_yj", "target_type", "单位"), code(contracts, "xn_yj", "target_type", "个人"),
        code(contracts, "xf_jb", "status", "受理"), code(contracts, "xf_jb", "status", "办理中"),
        code(contracts, "xf_jb", "status", "办结"), code(contracts, "xf_jb", "finding", "查实"),
        code(contracts, "zzb_txhx", "kind", "提醒"), code(contracts, "zzb_txhx", "kind", "函询"),
        code(contracts, "zzb_txhx", "kind", "诫勉"), unknownCode);
    for (DatasetContract contract : contracts.values()) {
      contract.columns().stream().filter(c -> c.codes().contains(unknownCode)).findFirst().ifPresent(c -> {
        throw new SettingsException("the sample's unknown code '" + unknownCode + "' is a code of "
            + contract.name() + "." + c.name());
      });
    }
    return codes;
  }

  /** {@code code}, checked to be in the code list of {@code dataset.column}. */
  static String code(Map<String, DatasetContract> contracts, String dataset, String column, String code) {
    List<String> allowed = SampleSettings.codeList(contracts, dataset, column);
    if (!allowed.contains(code)) {
      throw new SettingsException("the sample generator needs code '" + code + "' in " + dataset + "." + column
          + ", which has " + allowed);
    }
    return code;
  }
}
