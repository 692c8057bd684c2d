// Marks when the view's script starts, for the first-paint figures in docs/performance.md.
performance.mark('hermes-achievements:script-start');
