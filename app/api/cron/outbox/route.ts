import { runMaintenanceForCron } from '@/lib/maintenance';

// On serverless hosts nothing runs between requests; a scheduler calls this instead of a timer.
export async function GET(request: Request) {
  const report = await runMaintenanceForCron(request.headers.get('authorization'));
  if (!report) return Response.json({ error: 'Unauthorized' }, { status: 401 });
  return Response.json(report);
}
