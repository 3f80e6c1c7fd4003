import { tearDownKeyPool } from './key-pool';

export default tearDownKeyPool;
