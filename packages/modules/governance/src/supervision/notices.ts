import type { NotifyInput } from '@zhizhi/kernel/notifications';
import type { TaskGrade } from './schema';

/** The web page of a task. */
export const taskLink = (taskId: string) => `/supervision/${taskId}`;

const GRADE_NAMES: Record<TaskGrade, [string, string]> = {
  excellent: ['优秀', 'Excellent'],
  good: ['良好', 'Good'],
  pass: ['合格', 'Pass'],
  fail: ['不合格', 'Fail'],
};

interface TaskRef {
  id: string;
  title: string;
  deadline: string;
}

const base = (task: TaskRef) => ({
  link: taskLink(task.id),
  subjectType: 'governance_task',
  subjectId: task.id,
});

/** Texts of every message the supervision service sends (both languages). */
export const notices = {
  assigned: (task: TaskRef): NotifyInput => ({
    ...base(task),
    titleZh: `新督办任务：${task.title}`,
    titleEn: `New supervision task: ${task.title}`,
    bodyZh: `请签收并于 ${task.deadline} 前办结。`,
    bodyEn: `Please accept it and complete it by ${task.deadline}.`,
  }),
  urged: (task: TaskRef, message: string | undefined): NotifyInput => ({
    ...base(task),
    urgent: true,
    titleZh: `催办：${task.title}`,
    titleEn: `Urged: ${task.title}`,
    bodyZh: message || `请抓紧办理，办理期限 ${task.deadline}。`,
    bodyEn: message || `Please speed up; due ${task.deadline}.`,
  }),
  reminded: (task: TaskRef): NotifyInput => ({
    ...base(task),
    titleZh: `督办任务即将到期：${task.title}`,
    titleEn: `Supervision task due soon: ${task.title}`,
    bodyZh: `办理期限 ${task.deadline}，请按期办结。`,
    bodyEn: `It is due on ${task.deadline}.`,
  }),
  overdue: (task: TaskRef): NotifyInput => ({
    ...base(task),
    urgent: true,
    titleZh: `督办任务已逾期：${task.title}`,
    titleEn: `Supervision task overdue: ${task.title}`,
    bodyZh: `办理期限 ${task.deadline} 已过，请尽快办结并报送。`,
    bodyEn: `The deadline ${task.deadline} has passed; complete and report it as soon as possible.`,
  }),
  overdueToLeader: (task: TaskRef, departments: { zh: string[]; en: string[] }): NotifyInput => ({
    ...base(task),
    urgent: true,
    titleZh: `督办任务逾期：${task.title}`,
    titleEn: `Supervision task overdue: ${task.title}`,
    bodyZh: `未按期办结：${departments.zh.join('、')}`,
    bodyEn: `Not completed on time: ${departments.en.join(', ')}`,
  }),
  completed: (task: TaskRef, department: { zh: string; en: string }): NotifyInput => ({
    ...base(task),
    titleZh: `${department.zh}已办结：${task.title}`,
    titleEn: `${department.en} completed: ${task.title}`,
    bodyZh: '请审阅并评价。',
    bodyEn: 'Please review and evaluate it.',
  }),
  evaluated: (task: TaskRef, grade: TaskGrade): NotifyInput => ({
    ...base(task),
    titleZh: `督办评价：${task.title}`,
    titleEn: `Supervision evaluation: ${task.title}`,
    bodyZh: `评价等次：${GRADE_NAMES[grade][0]}`,
    bodyEn: `Grade: ${GRADE_NAMES[grade][1]}`,
  }),
};
