export { cloudConfigFormat, otherUserData, parseFailure } from './validate';
