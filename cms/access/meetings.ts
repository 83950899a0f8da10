import type { Access } from 'payload'
import type { User } from '../payload-types.ts'
import { meetingsReadable } from '../rules/meetings.ts'

/**
 * Framework meetings: coordination and administrators read them all; anyone else signed in reads the meetings they
 * are invited to, in person or through their organisation (cms/rules/meetings.ts); visitors read nothing.
 */
export const invitedOrCoordinators: Access = ({ req }) => meetingsReadable((req.user as User | null | undefined) ?? null) as ReturnType<Access>
