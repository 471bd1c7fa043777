export interface ClockRule {
  id: string;
  code: string;
  name: string;
  duration: number;
  unit: string;
  unitLabel: string;
  basis: string;
}

export interface DeadlineResult {
  due: string;
  basis: string;
  explanation: string;
}
