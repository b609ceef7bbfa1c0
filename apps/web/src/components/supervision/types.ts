import type { ApiResponse } from '@zhizhi/api-client';

export type SupervisionTask = ApiResponse<'/api/governance/tasks/{id}', 'get'>;
export type SupervisionTaskSummary = ApiResponse<'/api/governance/tasks', 'get'>['items'][number];
export type SupervisionAssignment = SupervisionTask['assignments'][number];
export type AssignmentStatus = SupervisionAssignment['status'];
export type SupervisionFile = SupervisionAssignment['activity'][number]['files'][number];

/** Where an attachment downloads from (checked against the task on the server). */
export const attachmentUrl = (taskId: string, fileId: string) =>
  `/api/governance/tasks/${taskId}/attachments/${fileId}`;
