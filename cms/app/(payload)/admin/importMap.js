import { ConsultationExport as ConsultationExport_cd04d53f87a810e055d31fc9ddea103e } from '../../../admin/ConsultationExport.tsx'
import { TrainingLinks as TrainingLinks_bc5cbc9526fcc57b1e8a0cc0e2b5c425 } from '../../../admin/TrainingLinks.tsx'
import { CurrentPasswordField as CurrentPasswordField_8edd9548e223ee6bc8b08a68ddcc5444 } from '../../../admin/CurrentPasswordField.tsx'
import { NavLinks as NavLinks_4e4d80409fc830db3ece93647ac69540 } from '../../../admin/NavLinks.tsx'
import { OperationsLinks as OperationsLinks_69da50d6e27479e76803c9363c8ef428 } from '../../../admin/OperationsLinks.tsx'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/admin/ConsultationExport.tsx#ConsultationExport": ConsultationExport_cd04d53f87a810e055d31fc9ddea103e,
  "/admin/TrainingLinks.tsx#TrainingLinks": TrainingLinks_bc5cbc9526fcc57b1e8a0cc0e2b5c425,
  "/admin/CurrentPasswordField.tsx#CurrentPasswordField": CurrentPasswordField_8edd9548e223ee6bc8b08a68ddcc5444,
  "/admin/NavLinks.tsx#NavLinks": NavLinks_4e4d80409fc830db3ece93647ac69540,
  "/admin/OperationsLinks.tsx#OperationsLinks": OperationsLinks_69da50d6e27479e76803c9363c8ef428,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
