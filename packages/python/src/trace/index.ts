/** The trace API beside `run()`: stepping (Session) and the Python Tutor export. */
export { Session, applyDelta, type StepView } from "./session.js";
export { plainTrace } from "./store.js";
export { toPythonTutor, type PythonTutorTrace, type PtStep, type PtFrame, type PtValue, type PtHeapEntry } from "./python-tutor.js";
