// The stub bundle (QUIRE_BENCH_STUB=1): served instead of the UI's, it fills the page with one row
// and stamps the mark the real list stamps, nothing else: the start-up floor of this design.
document.getElementById('root').innerHTML = '<div data-testid="task-row">stub</div>';
requestAnimationFrame(() => performance.mark('quire:first-task-rows-painted'));
