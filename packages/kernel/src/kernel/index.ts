export { createKernel, startKernel, type Kernel, type KernelOptions } from './create-kernel';
