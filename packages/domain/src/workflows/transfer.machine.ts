import { ROLE_CODES, type RoleCode } from '../access/roles';
import { defineMachine } from './engine';
import { requireText } from './guards';

export type TransferContext = Readonly<{
  /** Why the receiving function sends the transfer back. */
  returnReason?: string;
}>;

/** Any case-handling post can receive a transfer; system administrators do not handle matters. */
const HANDLERS: readonly RoleCode[] = ROLE_CODES.filter((r) => r !== 'sysadmin');

/**
 * Transfer (转办) between functions or agencies with a transfer slip. The receiver accepts or
 * returns it with reasons; 首问负责制 (保障农民工工资支付条例第十条第三款) keeps the sender answerable.
 */
export const transferMachine = defineMachine<
  'pending' | 'accepted' | 'returned',
  'accept' | 'return',
  TransferContext
>({
  track: 'transfer',
  states: { pending: '待接收', accepted: '已接收', returned: '已退回' },
  events: { accept: '接收', return: '退回' },
  initial: 'pending',
  terminal: ['accepted', 'returned'],
  onCreate: { documents: ['transfer_slip'] },
  transitions: [
    { from: 'pending', event: 'accept', to: 'accepted', roles: HANDLERS },
    {
      from: 'pending',
      event: 'return',
      to: 'returned',
      roles: HANDLERS,
      guard: (c) => requireText(c, 'returnReason', '退回须说明理由'),
      documents: ['return_note'],
    },
  ],
});
