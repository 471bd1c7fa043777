/**
 * Documents that may be drafted on their own (the generic documents route), as data with the reason.
 * Every other document records or carries a legal act and is issued only by its flow, which checks
 * the act's preconditions (form, article, machine step) in the same transaction (issue #13): the
 * generic route refuses them (409 DOCUMENT_NOT_FREE_STANDING).
 */
export const FREE_STANDING_DOCUMENTS: Readonly<Record<string, string>> = {
  receipt:
    '收件回执只记载收到的材料、份数和日期，不作出任何决定；窗口收到补交材料时可随时出具（《劳动人事争议仲裁办案规则》第二十九条、第三十条）',
};

export function isFreeStanding(type: string): boolean {
  return Object.hasOwn(FREE_STANDING_DOCUMENTS, type);
}
