import { setUpKeyPool } from './key-pool';

export default setUpKeyPool;
