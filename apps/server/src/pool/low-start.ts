/**
 * Imported first by the pool worker: the thread loads the interpreter and warms it up at the lowest
 * priority (nice 19), so that a thread started in place of a terminated one (0.2–0.4 s of CPU) takes CPU
 * time only when the threads serving runs leave some. The worker gives itself the normal priority back
 * once it is ready (`setOwnPriority(0)`).
 */
import { setOwnPriority } from "./task-control.js";

setOwnPriority(19);
