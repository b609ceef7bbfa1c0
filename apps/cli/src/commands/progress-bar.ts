/** A one-line progress bar on stderr (only when stderr is a terminal, else occasional lines). */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY;
  let lastPercent = -1;
  return {
    update(done: number, total: number) {
      const percent = total ? Math.floor((done / total) * 100) : 100;
      if (percent === lastPercent) return;
      lastPercent = percent;
      const filled = Math.round(percent / 4);
      const line = `  ${label} [${'█'.repeat(filled)}${'░'.repeat(25 - filled)}] ${percent}% ${done}/${total}`;
      if (tty) process.stderr.write(`\r${line}`);
      else if (percent % 25 === 0) process.stderr.write(`${line}\n`);
    },
    done() {
      if (tty && lastPercent >= 0) process.stderr.write('\n');
    },
  };
}
